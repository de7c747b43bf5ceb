// Launcher for the telegram-test-api 4.2.1 emulator, adapted for telegrambots 10.2.0 end-to-end tests.
//
// Usage: node launcher.mjs
//   - listens on 127.0.0.1, random free port (TG_EMULATOR_PORT to force one)
//   - prints exactly one line on stdout when ready: {"port":12345}
//   - all logs go to stderr (set DEBUG=TelegramServer:* for the emulator's own debug output)
//   - exits when stdin closes (unless TG_EMULATOR_IGNORE_STDIN=1), on SIGTERM and on SIGINT
//
// How it is built: one express app owned by this launcher. It serves
//   * the whole Bot API surface (/bot<token>/<method>, case-insensitive), implemented on top of the
//     emulator's storage and public methods (addBotMessage, editMessageText, setWebhook, ...),
//     because every one of the emulator's bot routes needs a fix for telegrambots (see README.md);
//   * the user-side client API (/sendMessage, /sendCommand, /sendCallback) with input normalisation;
//   * test-only routes under /test/*;
// and finally falls through to the emulator's own express app (mounted as a sub-app) for the
// remaining client routes (/getUpdates, /getUpdatesHistory). node_modules is never modified.

import { createRequire } from 'node:module';
import express from 'express';

const require = createRequire(import.meta.url);
const TelegramServer = require('telegram-test-api');

// ---------------------------------------------------------------- configuration
const env = process.env;
const HOST = env.TG_EMULATOR_HOST || '127.0.0.1';
const PORT = Number(env.TG_EMULATOR_PORT || 0);
const STORE_TIMEOUT_S = Number(env.TG_EMULATOR_STORE_TIMEOUT || 600); // emulator default is 60 s
const BOT_USERNAME = env.TG_EMULATOR_BOT_USERNAME || 'TestNameBot';
const BOT_FIRST_NAME = env.TG_EMULATOR_BOT_FIRST_NAME || 'Test First name';
const MAX_LONG_POLL_S = 50;
const POLL_INTERVAL_MS = 25;

const log = (...args) => console.error('[telegram-emulator]', ...args);

// The emulator is never start()ed: its express app is mounted into ours, so its port is unused.
const emu = new TelegramServer({ host: HOST, port: 1, storeTimeout: STORE_TIMEOUT_S });

// ---------------------------------------------------------------- state owned by the launcher
/** every Bot API call except successful getUpdates: {method, token, body, at, status, failed} */
let calls = [];
/** fault rules: {method (lower-case or '*'), token|null, status, retryAfter, description, remaining} */
let faults = [];
/** slow calls: {method (lower-case or '*'), ms, remaining}: the call is handled normally after ms */
let delays = [];
/** per token: updates already handed to the bot but not yet confirmed with offset: [{time, update}] */
const pending = new Map();
/** per token: the highest offset a getUpdates confirmed with (every update below it is received for good) */
const confirmed = new Map();
/** per token: raw updates injected through /test/inject-update, not yet handed out: [{time, update}] */
const injected = new Map();
/** per token: commands from the last setMyCommands */
const commands = new Map();
/** per token: chats seen in user updates, chat id -> chat object (to give bot messages a real chat) */
const chatsSeen = new Map();

// ---------------------------------------------------------------- helpers
class TgError extends Error {
  constructor(code, description, parameters) {
    super(description);
    this.code = code;
    this.parameters = parameters;
  }
}
const badRequest = (d) => new TgError(400, `Bad Request: ${d}`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowS = () => Math.floor(Date.now() / 1000);
/** milliseconds (anything > 1e11, i.e. after 1973 in ms / after year 5000 in s) -> seconds */
const toSeconds = (v) => (typeof v === 'number' && v > 1e11 ? Math.floor(v / 1000) : v);

const KNOWN_METHODS = [
  'getMe', 'getUpdates', 'sendMessage', 'deleteMessage', 'deleteMessages', 'answerCallbackQuery',
  'editMessageText', 'editMessageReplyMarkup', 'editMessageCaption', 'setWebhook', 'deleteWebhook',
  'getWebhookInfo', 'setMyCommands', 'deleteMyCommands', 'getMyCommands', 'sendChatAction',
  'setMyDescription', 'setMyShortDescription', 'setMyName', 'setChatMenuButton', 'close', 'logOut',
  'sendPhoto', 'sendDocument', 'sendSticker', 'forwardMessage', 'copyMessage', 'getChat', 'getFile',
];
const CANONICAL = new Map(KNOWN_METHODS.map((m) => [m.toLowerCase(), m]));
const canonical = (m) => CANONICAL.get(String(m).toLowerCase()) || String(m);

const DATE_KEYS = new Set(['date', 'edit_date', 'forward_date']);
/** deep copy with every date-like field converted to seconds */
function secondsDeep(value) {
  if (Array.isArray(value)) return value.map(secondsDeep);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = DATE_KEYS.has(k) ? toSeconds(v) : secondsDeep(v);
    return out;
  }
  return value;
}

const DEFAULT_USER = { id: 1, is_bot: false, first_name: 'TestName', username: 'testUserName' };

function normUser(u, isBot = false) {
  const user = { ...(u || DEFAULT_USER) };
  user.id = Number(user.id ?? DEFAULT_USER.id);
  if (user.is_bot === undefined) user.is_bot = isBot;
  if (user.first_name === undefined) user.first_name = DEFAULT_USER.first_name;
  return user;
}

function normChat(c, from) {
  const chat = { ...(c || {}) };
  chat.id = Number(chat.id ?? from.id);
  if (!chat.type) chat.type = chat.id < 0 ? 'group' : 'private';
  if (chat.type === 'private' && chat.first_name === undefined) chat.first_name = from.first_name;
  return chat;
}

/** a user-side message as Telegram would deliver it (is_bot, chat.type, date in seconds...) */
function normUserMessage(m, token) {
  const msg = secondsDeep(m || {});
  delete msg.botToken;
  delete msg.token;
  msg.from = normUser(msg.from);
  msg.chat = normChat(msg.chat, msg.from);
  if (msg.date === undefined) msg.date = nowS();
  if (msg.reply_to_message) msg.reply_to_message = normUserMessage(msg.reply_to_message, token);
  if (token) rememberChat(token, msg.chat);
  return msg;
}

function rememberChat(token, chat) {
  if (!chatsSeen.has(token)) chatsSeen.set(token, new Map());
  chatsSeen.get(token).set(String(chat.id), chat);
}

function botIdFromToken(token) {
  const id = Number(String(token).split(':')[0]);
  return Number.isSafeInteger(id) && id > 0 ? id : 666;
}
const botUser = (token) => ({
  id: botIdFromToken(token), is_bot: true, first_name: BOT_FIRST_NAME, username: BOT_USERNAME,
});

function chatFor(token, chatId) {
  const seen = chatsSeen.get(token)?.get(String(chatId));
  if (seen) return seen;
  const id = Number(chatId);
  return id < 0 ? { id, type: 'group', title: 'Test Group' } : { id, type: 'private', first_name: DEFAULT_USER.first_name };
}

/** an emulator botMessages entry -> Telegram Message object */
function botMessageToTelegram(stored) {
  const m = stored.message;
  const out = {
    message_id: stored.messageId,
    from: botUser(stored.botToken),
    chat: chatFor(stored.botToken, m.chat_id),
    date: toSeconds(stored.time),
  };
  if (m.edit_date !== undefined) out.edit_date = m.edit_date;
  if (m.text !== undefined) {
    out.text = m.parse_mode && String(m.parse_mode).toUpperCase() === 'HTML' ? parseHtml(String(m.text)) : String(m.text);
  }
  if (m.entities !== undefined) out.entities = m.entities;
  if (m.reply_markup && typeof m.reply_markup === 'object' && 'inline_keyboard' in m.reply_markup) {
    out.reply_markup = { inline_keyboard: m.reply_markup.inline_keyboard };
  }
  return out;
}

function parseJsonParam(v) {
  if (typeof v !== 'string') return v;
  try { return JSON.parse(v); } catch { return v; }
}

const HTML_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler',
  'a', 'code', 'pre', 'blockquote', 'tg-emoji']);
const NAMED_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
const byteOffset = (s, i) => Buffer.byteLength(s.slice(0, i), 'utf8');

/** Validates Telegram HTML (tags allowed by the Bot API, properly nested) and returns the plain text. */
function parseHtml(text) {
  const fail = (d) => badRequest(`can't parse entities: ${d}`);
  let out = '';
  const stack = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) throw fail(`Unclosed start tag at byte offset ${byteOffset(text, i)}`);
      const inner = text.slice(i + 1, end);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        const top = stack.pop();
        if (top === undefined) throw fail(`Unexpected end tag at byte offset ${byteOffset(text, i)}`);
        if (name !== top) {
          throw fail(`Unmatched end tag at byte offset ${byteOffset(text, i)}, expected "</${top}>", found "</${name}>"`);
        }
      } else {
        const m = /^([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner);
        const name = m ? m[1].toLowerCase() : '';
        if (!HTML_TAGS.has(name)) throw fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(text, i)}`);
        stack.push(name);
      }
      i = end + 1;
    } else if (c === '&') {
      const m = /^&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);/.exec(text.slice(i, i + 16));
      if (m && m[1].startsWith('#x')) out += String.fromCodePoint(parseInt(m[1].slice(2), 16));
      else if (m && m[1].startsWith('#')) out += String.fromCodePoint(parseInt(m[1].slice(1), 10));
      else if (m && NAMED_ENTITIES[m[1]] !== undefined) out += NAMED_ENTITIES[m[1]];
      else { out += '&'; i += 1; continue; }
      i += m[0].length;
    } else {
      out += c;
      i += 1;
    }
  }
  if (stack.length) throw fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return out;
}

/** plain text of a bot text message, validating parse_mode=HTML and Telegram's length limits */
function checkText(text, parseMode) {
  if (text === undefined || text === null || String(text).length === 0) throw badRequest('message text is empty');
  const plain = parseMode && String(parseMode).toUpperCase() === 'HTML' ? parseHtml(String(text)) : String(text);
  if (plain.trim().length === 0) throw badRequest('message text is empty');
  if (plain.length > 4096) throw badRequest('message is too long');
  return plain;
}

function findBotMessage(token, chatId, messageId) {
  return emu.storage.botMessages.find((u) => u.botToken === token
    && String(u.messageId) === String(messageId) && String(u.message.chat_id) === String(chatId));
}

// ---------------------------------------------------------------- getUpdates (long polling, offsets)
/** moves new updates for token out of the emulator's storage / the inject queue, marking them read */
function pullNew(token) {
  const out = [];
  for (const u of emu.storage.userMessages) {
    if (u.botToken !== token || u.isRead) continue;
    u.isRead = true;
    let update;
    if ('callbackQuery' in u) {
      const cq = u.callbackQuery;
      update = {
        update_id: u.updateId,
        callback_query: {
          id: String(cq.id ?? u.callbackId),
          from: cq.from,
          message: cq.message,
          chat_instance: cq.chat_instance,
          data: cq.data,
        },
      };
    } else {
      update = { update_id: u.updateId, message: { ...u.message, message_id: u.messageId } };
      delete update.message.botToken;
    }
    out.push({ time: u.time, update: secondsDeep(update) });
  }
  const inj = injected.get(token);
  if (inj && inj.length) {
    out.push(...inj);
    injected.set(token, []);
  }
  out.sort((a, b) => a.update.update_id - b.update.update_id);
  return out;
}

/** Telegram semantics: updates stay available until confirmed by a getUpdates with offset > update_id */
function availableUpdates(token, offset, limit) {
  let q = pending.get(token) || [];
  if (offset > 0) q = q.filter((e) => e.update.update_id >= offset);
  if (offset > (confirmed.get(token) || 0)) confirmed.set(token, offset);
  q = q.concat(pullNew(token));
  pending.set(token, q);
  return q.slice(0, limit).map((e) => e.update);
}

let shuttingDown = false;

async function getUpdates(token, p, req, res) {
  if (emu.webhooks[token]) {
    throw new TgError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
  }
  const offset = Number(p.offset || 0);
  const limit = Math.min(Math.max(Number(p.limit || 100), 1), 100);
  const timeoutS = Math.min(Math.max(Number(p.timeout || 0), 0), MAX_LONG_POLL_S);
  const deadline = Date.now() + timeoutS * 1000;
  let gone = false;
  res.on('close', () => { gone = true; });
  for (;;) {
    // If the bot gave up on this request, stop without handing anything out. (Even if it were handed
    // out, nothing is lost: updates stay pending until a later offset confirms them.)
    if (gone) return undefined;
    const updates = availableUpdates(token, offset, limit);
    if (updates.length || Date.now() >= deadline || shuttingDown) return updates;
    await sleep(POLL_INTERVAL_MS);
  }
}

// ---------------------------------------------------------------- bot API method handlers
const okTrue = () => true;

const handlers = {
  getMe: (token) => ({
    ...botUser(token),
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  }),

  getUpdates,

  sendMessage: (token, p) => {
    if (p.chat_id === undefined || p.chat_id === null || p.chat_id === '') throw badRequest('chat_id is empty');
    checkText(p.text, p.parse_mode);
    const body = { ...p };
    if ('reply_markup' in body) body.reply_markup = parseJsonParam(body.reply_markup);
    if ('entities' in body) body.entities = parseJsonParam(body.entities);
    emu.addBotMessage(body, token);
    const stored = emu.storage.botMessages[emu.storage.botMessages.length - 1];
    return botMessageToTelegram(stored);
  },

  editMessageText: (token, p) => {
    if (p.inline_message_id) return true;
    checkText(p.text, p.parse_mode);
    const stored = findBotMessage(token, p.chat_id, p.message_id);
    if (!stored) throw badRequest('message to edit not found');
    const markup = parseJsonParam(p.reply_markup);
    const before = JSON.stringify([stored.message.text, stored.message.parse_mode, stored.message.reply_markup]);
    const after = JSON.stringify([String(p.text), p.parse_mode, markup]);
    if (before === after) {
      throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    emu.editMessageText({ ...p, reply_markup: markup }); // merges into the stored message
    // like Telegram: no reply_markup in the edit removes the inline keyboard; parse_mode is per edit
    if (markup === undefined) delete stored.message.reply_markup;
    if (p.parse_mode === undefined) delete stored.message.parse_mode;
    stored.message.edit_date = nowS();
    return botMessageToTelegram(stored);
  },

  editMessageReplyMarkup: (token, p) => {
    if (p.inline_message_id) return true;
    const stored = findBotMessage(token, p.chat_id, p.message_id);
    if (!stored) throw badRequest('message to edit not found');
    const markup = parseJsonParam(p.reply_markup);
    if (JSON.stringify(stored.message.reply_markup) === JSON.stringify(markup)) {
      throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
    }
    if (markup && typeof markup === 'object' && 'inline_keyboard' in markup) stored.message.reply_markup = markup;
    else delete stored.message.reply_markup;
    stored.message.edit_date = nowS();
    return botMessageToTelegram(stored);
  },

  deleteMessage: (token, p) => {
    const before = emu.storage.botMessages.length;
    emu.storage.botMessages = emu.storage.botMessages.filter((u) => !(u.botToken === token
      && String(u.messageId) === String(p.message_id) && String(u.message.chat_id) === String(p.chat_id)));
    if (emu.storage.botMessages.length !== before) return true;
    const idx = emu.storage.userMessages.findIndex((u) => u.botToken === token && 'message' in u
      && String(u.messageId) === String(p.message_id) && String(u.message.chat?.id) === String(p.chat_id));
    if (idx >= 0) {
      emu.storage.userMessages.splice(idx, 1);
      return true;
    }
    throw badRequest('message to delete not found');
  },

  answerCallbackQuery: (token, p) => {
    if (!p.callback_query_id) throw badRequest('query is too old and response timeout expired or query ID is invalid');
    return true;
  },

  setWebhook: (token, p) => {
    if (!p.url) emu.deleteWebhook(token); // Telegram: empty url removes the webhook
    else emu.setWebhook({ ...p }, token);
    return true;
  },
  deleteWebhook: (token, p) => {
    emu.deleteWebhook(token);
    if (String(p.drop_pending_updates) === 'true') {
      pending.set(token, []);
      pullNew(token);
    }
    return true;
  },
  getWebhookInfo: (token) => {
    const hook = emu.webhooks[token];
    const queued = emu.storage.userMessages.filter((u) => u.botToken === token && !u.isRead).length
      + (injected.get(token)?.length || 0) + (pending.get(token)?.length || 0);
    return { url: hook ? hook.url : '', has_custom_certificate: false, pending_update_count: queued };
  },

  setMyCommands: (token, p) => {
    commands.set(token, parseJsonParam(p.commands) || []);
    return true;
  },
  deleteMyCommands: (token) => {
    commands.delete(token);
    return true;
  },
  getMyCommands: (token) => commands.get(token) || [],
  sendChatAction: okTrue,
  setMyDescription: okTrue,
  setMyShortDescription: okTrue,
  setMyName: okTrue,
  setChatMenuButton: okTrue,
  close: okTrue,
  logOut: okTrue,
};
const HANDLERS = new Map(Object.entries(handlers).map(([k, v]) => [k.toLowerCase(), v]));

// ---------------------------------------------------------------- fault injection & recording
const DEFAULT_DESCRIPTIONS = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden: bot was blocked by the user',
  404: 'Not Found',
  409: 'Conflict',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

function takeFault(method, token) {
  const lower = method.toLowerCase();
  // A rule with a probability below 1 strikes at random (steady flaky weather) and is only used up when it does.
  const rule = faults.find((f) => f.remaining > 0 && (f.method === lower || f.method === '*')
    && (f.token === null || f.token === token) && (f.probability >= 1 || Math.random() < f.probability));
  if (!rule) return null;
  rule.remaining -= 1;
  faults = faults.filter((f) => f.remaining > 0);
  return rule;
}

function faultBody(rule) {
  const body = { ok: false, error_code: rule.status, description: rule.description };
  if (rule.parameters) body.parameters = rule.parameters;
  return body;
}

function record(method, token, body, status, failed) {
  calls.push({ method, token, body, at: Date.now(), status, failed });
}

function sendTelegramError(res, err) {
  const body = { ok: false, error_code: err.code, description: err.message };
  if (err.parameters) body.parameters = err.parameters;
  res.status(err.code).json(body);
}

// ---------------------------------------------------------------- express app
const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '20mb' }));
app.use(express.urlencoded({ extended: true, limit: '20mb' }));

// Bot API. Express routing is case-insensitive anyway; the regex is explicitly case-insensitive too.
// Also accepts telegrambots' test-environment path form /bot<token>/test/<method>.
app.all(/^\/bot([^/]+)\/(?:test\/)?([A-Za-z_]+)\/?$/i, async (req, res) => {
  const token = decodeURIComponent(req.params[0]);
  const method = canonical(req.params[1]);
  const params = { ...req.query, ...(req.body && typeof req.body === 'object' ? req.body : {}) };
  if (req.method !== 'GET' && req.method !== 'POST') {
    sendTelegramError(res, new TgError(405, `Method Not Allowed: HTTP ${req.method} is not supported`));
    return;
  }
  const delay = delays.find((d) => d.remaining > 0 && (d.method === method.toLowerCase() || d.method === '*'));
  if (delay) {
    delay.remaining -= 1;
    delays = delays.filter((d) => d.remaining > 0);
    await sleep(delay.ms);
  }
  const rule = takeFault(method, token);
  if (rule) {
    record(method, token, params, rule.status, true);
    log(`fault injected: ${method} -> ${rule.status}`);
    res.status(rule.status).json(faultBody(rule));
    return;
  }
  const handler = HANDLERS.get(method.toLowerCase());
  if (!handler) {
    record(method, token, params, 404, true);
    log(`unsupported Bot API method: ${method}`);
    sendTelegramError(res, new TgError(404, `Not Found: method '${method}' is not supported by the emulator`));
    return;
  }
  try {
    const result = await handler(token, params, req, res);
    if (result === undefined) return; // client went away during a long poll
    if (method !== 'getUpdates') record(method, token, params, 200, false);
    if (!res.headersSent) res.json({ ok: true, result });
  } catch (err) {
    if (err instanceof TgError) {
      record(method, token, params, err.code, true);
      if (!res.headersSent) sendTelegramError(res, err);
    } else {
      log(`error in ${method}:`, err);
      record(method, token, params, 500, true);
      if (!res.headersSent) sendTelegramError(res, new TgError(500, `Internal Server Error: ${err.message}`));
    }
  }
});

// ---- client API (acting as the user)
const tokenOf = (b) => b.botToken ?? b.token;

function clientError(res, status, message) {
  res.status(status).json({ ok: false, error_code: status, description: message });
}

async function addUserMessageLike(req, res, isCommand) {
  const b = req.body || {};
  const token = tokenOf(b);
  if (!token) { clientError(res, 400, 'botToken is required'); return; }
  const message = normUserMessage(b, token);
  if (isCommand && !message.entities && typeof message.text === 'string' && message.text.startsWith('/')) {
    const sp = message.text.indexOf(' ');
    message.entities = [{ offset: 0, length: sp < 0 ? message.text.length : sp, type: 'bot_command' }];
  }
  if (isCommand && !message.entities) { clientError(res, 400, 'a command needs text starting with "/" or entities'); return; }
  const updateId = emu.updateId;
  const messageId = emu.messageId;
  try {
    if (isCommand) await emu.addUserCommand({ ...message, botToken: token });
    else await emu.addUserMessage({ ...message, botToken: token });
  } catch (err) {
    clientError(res, 500, `emulator failed: ${err.message}`);
    return;
  }
  res.json({ ok: true, result: { update_id: updateId, message_id: messageId, chat_id: message.chat.id } });
}

app.post('/sendMessage', (req, res) => addUserMessageLike(req, res, false));
app.post('/sendCommand', (req, res) => addUserMessageLike(req, res, true));

app.post('/sendCallback', async (req, res) => {
  const b = req.body || {};
  const token = tokenOf(b);
  if (!token) { clientError(res, 400, 'botToken is required'); return; }
  if (b.data === undefined) { clientError(res, 400, 'data (the button callback_data) is required'); return; }
  const from = normUser(b.from);
  const chatId = b.chatId ?? b.chat_id ?? b.message?.chat?.id ?? from.id;
  const messageId = b.messageId ?? b.message_id ?? b.message?.message_id;
  // Resolve the bot message carrying the button: explicit message id, else the newest bot message in the
  // chat with an inline button whose callback_data equals data, else the newest bot message in the chat.
  const inChat = emu.storage.botMessages.filter((u) => u.botToken === token && String(u.message.chat_id) === String(chatId));
  let stored;
  if (messageId !== undefined) stored = inChat.find((u) => String(u.messageId) === String(messageId));
  else {
    const hasButton = (u) => (u.message.reply_markup?.inline_keyboard || [])
      .some((row) => row.some((btn) => btn.callback_data === String(b.data)));
    stored = [...inChat].reverse().find(hasButton) || inChat[inChat.length - 1];
  }
  let message;
  if (stored) message = botMessageToTelegram(stored);
  else if (b.message && b.message.message_id !== undefined) message = normUserMessage(b.message, token);
  else { clientError(res, 404, `no bot message found in chat ${chatId} for callback data ${JSON.stringify(b.data)}`); return; }
  const callbackId = emu.callbackId;
  const updateId = emu.updateId;
  try {
    await emu.addUserCallback({
      botToken: token,
      id: b.id !== undefined ? String(b.id) : String(callbackId),
      from,
      message,
      chat_instance: String(b.chat_instance ?? message.chat.id),
      data: String(b.data),
    });
  } catch (err) {
    clientError(res, 500, `emulator failed: ${err.message}`);
    return;
  }
  res.json({ ok: true, result: { update_id: updateId, callback_query_id: String(b.id ?? callbackId), message_id: message.message_id } });
});

// /getUpdates (bot messages for one chat): optional long poll {timeout: seconds}, then the emulator's route.
app.post('/getUpdates', async (req, res, next) => {
  const b = req.body || {};
  if (b.token === undefined && b.botToken !== undefined) b.token = b.botToken;
  const timeoutS = Math.min(Math.max(Number(b.timeout || 0), 0), MAX_LONG_POLL_S);
  const deadline = Date.now() + timeoutS * 1000;
  const ready = () => emu.storage.botMessages.some((u) => u.botToken === b.token
    && String(u.message.chat_id) === String(b.chatId) && !u.isRead);
  while (!ready() && Date.now() < deadline && !shuttingDown) await sleep(POLL_INTERVAL_MS);
  next();
});
app.post('/getUpdatesHistory', (req, _res, next) => {
  const b = req.body || {};
  if (b.token === undefined && b.botToken !== undefined) b.token = b.botToken;
  next();
});

// ---- test-only routes
const handleTest = (path, fn) => app.all(path, (req, res) => {
  try {
    res.json({ ok: true, result: fn({ ...req.query, ...(req.body || {}) }) });
  } catch (err) {
    clientError(res, 400, err.message);
  }
});

handleTest('/test/calls', (b) => calls.filter((c) => (!b.method || c.method.toLowerCase() === String(b.method).toLowerCase())
  && (!b.token || c.token === b.token)));
handleTest('/test/reset-calls', () => { calls = []; return true; });
// What Telegram would never send again: successful getUpdates calls are not recorded, so their offsets are kept here.
handleTest('/test/acknowledged', (b) => {
  const token = tokenOf(b);
  if (!token) throw new Error('token is required');
  return { offset: confirmed.get(token) || 0 };
});

handleTest('/test/fail-next', (b) => {
  if (!b.method) throw new Error('method is required ("*" for any method)');
  const status = Number(b.status || 429);
  const count = Number(b.count ?? 1);
  const retryAfter = b.retry_after !== undefined ? Number(b.retry_after) : (status === 429 ? 1 : undefined);
  let description = b.description;
  if (!description) {
    description = status === 429 ? `Too Many Requests: retry after ${retryAfter}` : (DEFAULT_DESCRIPTIONS[status] || 'Error');
  }
  let parameters = b.parameters;
  if (!parameters && retryAfter !== undefined) parameters = { retry_after: retryAfter };
  const rule = {
    method: b.method === '*' ? '*' : String(b.method).toLowerCase(),
    token: b.token ?? null,
    status,
    description,
    parameters,
    remaining: count,
    probability: b.probability !== undefined ? Number(b.probability) : 1,
  };
  faults.push(rule);
  return { ...rule, method: b.method === '*' ? '*' : canonical(b.method) };
});
handleTest('/test/reset-faults', () => { faults = []; delays = []; return true; });

handleTest('/test/delay-next', (b) => {
  if (!b.method) throw new Error('method is required ("*" for any method)');
  const rule = { method: b.method === '*' ? '*' : String(b.method).toLowerCase(), ms: Number(b.ms ?? 1000), remaining: Number(b.count ?? 1) };
  delays.push(rule);
  return rule;
});

handleTest('/test/inject-update', (b) => {
  const token = tokenOf(b);
  if (!token) throw new Error('token is required');
  if (!b.update || typeof b.update !== 'object') throw new Error('update (a raw Telegram Update object) is required');
  const update = secondsDeep(b.update);
  if (update.update_id === undefined) {
    update.update_id = emu.updateId;
    emu.updateId += 1;
  } else {
    emu.updateId = Math.max(emu.updateId, Number(update.update_id) + 1);
  }
  for (const key of ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'business_message']) {
    if (update[key]) {
      update[key] = normUserMessage(update[key], token);
      if (update[key].message_id === undefined) {
        update[key].message_id = emu.messageId;
        emu.messageId += 1;
      }
    }
  }
  if (update.callback_query) {
    const cq = update.callback_query;
    cq.id = String(cq.id ?? `inj${update.update_id}`);
    cq.from = normUser(cq.from);
    if (cq.message) cq.message = normUserMessage(cq.message, token);
    if (cq.chat_instance === undefined) cq.chat_instance = String(cq.message?.chat?.id ?? cq.from.id);
  }
  if (!injected.has(token)) injected.set(token, []);
  injected.get(token).push({ time: Date.now(), update });
  return { update_id: update.update_id };
});

handleTest('/test/reset', () => {
  // clears messages, queues, recorded calls, faults, commands and webhooks; ids keep increasing
  emu.storage.userMessages = [];
  emu.storage.botMessages = [];
  emu.webhooks = {};
  pending.clear();
  confirmed.clear();
  injected.clear();
  commands.clear();
  chatsSeen.clear();
  calls = [];
  faults = [];
  return true;
});

// everything else: the emulator's own app (client /getUpdates, /getUpdatesHistory, its 500 fallback)
app.use(emu.webServer);

// malformed request bodies etc.: answer in Telegram's error shape instead of express' HTML page
// eslint-disable-next-line no-unused-vars
app.use((err, _req, res, _next) => {
  const status = err.status || err.statusCode || 500;
  log(`request error: ${err.message}`);
  if (!res.headersSent) sendTelegramError(res, new TgError(status, `${status === 400 ? 'Bad Request' : 'Error'}: ${err.message}`));
});

// ---------------------------------------------------------------- start / stop
process.on('unhandledRejection', (err) => log('unhandled rejection:', err));
process.on('uncaughtException', (err) => log('uncaught exception:', err));
process.stdout.on('error', () => {}); // parent closed our stdout: nothing to do

const httpServer = app.listen(PORT, HOST, () => {
  const { port } = httpServer.address();
  emu.config.port = port;
  emu.config.apiURL = `http://${HOST}:${port}`;
  log(`listening on http://${HOST}:${port} (storeTimeout ${STORE_TIMEOUT_S}s)`);
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});
// Node closes an idle keep-alive connection after 5 s; a client that reuses it at that very moment (the JDK
// HttpClient keeps connections 20 min) gets "header parser received no bytes" on a POST it cannot safely retry.
// A test peer on loopback: keep idle connections as long as its clients do.
httpServer.keepAliveTimeout = 30 * 60 * 1000;
httpServer.on('error', (err) => {
  log('cannot listen:', err.message);
  process.exit(1);
});

// the emulator's purge of old messages (it normally starts this in start(), which we do not call)
const purge = setInterval(() => {
  emu.cleanUp();
  const keep = (e) => e.time > Date.now() - STORE_TIMEOUT_S * 1000;
  for (const [t, q] of pending) pending.set(t, q.filter(keep));
  for (const [t, q] of injected) injected.set(t, q.filter(keep));
}, Math.min(STORE_TIMEOUT_S * 1000, 60_000));
purge.unref();

function shutdown(reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  log(`shutting down (${reason})`);
  httpServer.close();
  httpServer.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
if (env.TG_EMULATOR_IGNORE_STDIN !== '1') {
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('close', () => shutdown('stdin closed'));
  process.stdin.on('error', () => shutdown('stdin error'));
  process.stdin.resume();
}
