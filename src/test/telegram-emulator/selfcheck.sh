#!/usr/bin/env bash
# Self-check of the Telegram emulator launcher: starts it, acts as bot and user with curl, exits 0/1.
# Usage: bash selfcheck.sh   (runs `npm ci` first if node_modules is missing; needs node 20, curl)
set -u
cd "$(dirname "$0")"

if [ ! -d node_modules/telegram-test-api ]; then
  npm ci --no-audit --no-fund >&2 || { echo "npm ci failed" >&2; exit 1; }
fi

TOKEN='123:ABC'
PASS=0
FAIL=0
WORK=$(mktemp -d)
PID=''
PID2=''
cleanup() {
  exec 3>&- 2>/dev/null
  [ -n "$PID" ] && kill "$PID" 2>/dev/null
  [ -n "$PID2" ] && kill "$PID2" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

ok()   { PASS=$((PASS + 1)); echo "ok   - $1"; }
bad()  { FAIL=$((FAIL + 1)); echo "FAIL - $1"; [ $# -gt 1 ] && echo "       got: $2"; }
# expect NAME JSON JS_PREDICATE  (predicate gets the parsed JSON as r)
expect() {
  if printf '%s' "$2" | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      let r; try { r = JSON.parse(s); } catch { process.exit(1); }
      process.exit(('"$3"')(r) ? 0 : 1);
    });' 2>/dev/null; then ok "$1"; else bad "$1" "$2"; fi
}
post() { curl -s -m 20 -X POST -H 'Content-Type: application/json' "$BASE$1" -d "$2"; }
bot()  { post "/bot$TOKEN/$1" "$2"; }
now_ms() { date +%s%3N; }

# ---- start with stdin held by a fifo we control
mkfifo "$WORK/stdin"
node launcher.mjs <"$WORK/stdin" >"$WORK/out" 2>"$WORK/err" &
PID=$!
exec 3>"$WORK/stdin"
for _ in $(seq 1 100); do [ -s "$WORK/out" ] && break; sleep 0.1; done
READY=$(head -n 1 "$WORK/out")
if [[ "$READY" =~ ^\{\"port\":([0-9]+)\}$ ]]; then
  ok "ready line $READY"
  BASE="http://127.0.0.1:${BASH_REMATCH[1]}"
else
  bad "ready line" "$READY / $(cat "$WORK/err")"
  echo "$PASS passed, $FAIL failed"
  exit 1
fi

# ---- bot identity
expect "getMe has is_bot/first_name/username" "$(bot getme '{}')" \
  'r => r.ok && r.result.is_bot === true && r.result.first_name && r.result.username && r.result.id === 123'

# ---- user message -> bot long poll returns at once
post /sendMessage '{"botToken":"'$TOKEN'","from":{"id":42,"first_name":"Ann","username":"ann"},"chat":{"id":42,"type":"private"},"text":"hello"}' >/dev/null
t0=$(now_ms); R=$(bot getupdates '{"offset":0,"timeout":5}'); dt=$(( $(now_ms) - t0 ))
expect "getUpdates delivers user message (seconds date, from.is_bot=false)" "$R" \
  'r => r.ok && r.result.length === 1 && r.result[0].message.text === "hello" && r.result[0].message.date < 1e10 && r.result[0].message.from.is_bot === false && r.result[0].message.chat.type === "private" && !("botToken" in r.result[0].message)'
[ "$dt" -lt 1500 ] && ok "getUpdates with pending update answers quickly (${dt} ms)" || bad "getUpdates quick" "${dt} ms"
UID1=$(printf '%s' "$R" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).result[0].update_id))')
expect "unconfirmed update is delivered again (offset semantics)" "$(bot getupdates '{"offset":0,"timeout":1}')" \
  "r => r.ok && r.result.length === 1 && r.result[0].update_id === $UID1"
NEXT=$((UID1 + 1))
expect "nothing acknowledged while the bot polls from offset 0" "$(post /test/acknowledged '{"token":"'$TOKEN'"}')" \
  'r => r.ok && r.result.offset === 0'

# ---- long poll waits for the timeout when nothing arrives
t0=$(now_ms); R=$(bot getupdates '{"offset":'$NEXT',"timeout":2}'); dt=$(( $(now_ms) - t0 ))
expect "empty long poll returns []" "$R" 'r => r.ok && r.result.length === 0'
expect "the offset polled with is the acknowledged one" "$(post /test/acknowledged '{"token":"'$TOKEN'"}')" \
  "r => r.ok && r.result.offset === $NEXT"
{ [ "$dt" -ge 1800 ] && [ "$dt" -lt 3500 ]; } && ok "empty long poll waited ~2 s (${dt} ms)" || bad "long poll wait" "${dt} ms"

# ---- long poll is woken by a message arriving mid-wait
( sleep 1; post /sendCommand '{"botToken":"'$TOKEN'","from":{"id":42,"first_name":"Ann"},"chat":{"id":42,"type":"private"},"text":"/start"}' >/dev/null ) &
t0=$(now_ms); R=$(bot getupdates '{"offset":'$NEXT',"timeout":10}'); dt=$(( $(now_ms) - t0 ))
expect "command delivered with bot_command entity" "$R" \
  'r => r.ok && r.result.length === 1 && r.result[0].message.text === "/start" && r.result[0].message.entities[0].type === "bot_command" && r.result[0].message.entities[0].length === 6'
{ [ "$dt" -ge 800 ] && [ "$dt" -lt 2500 ]; } && ok "long poll woken by new update (${dt} ms)" || bad "long poll wake-up" "${dt} ms"
NEXT=$(( $(printf '%s' "$R" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).result[0].update_id))') + 1 ))

# ---- bot sends HTML + inline keyboard
R=$(bot sendmessage '{"chat_id":"42","text":"<b>Welcome</b> &amp; hello","parse_mode":"HTML","reply_markup":{"inline_keyboard":[[{"text":"Visa","callback_data":"visa"},{"text":"Passport","callback_data":"passport"}]]}}')
expect "sendMessage result: seconds date, plain text, inline keyboard, bot from" "$R" \
  'r => r.ok && Number.isInteger(r.result.message_id) && r.result.date < 1e10 && r.result.date > 1.5e9 && r.result.text === "Welcome & hello" && r.result.from.is_bot === true && r.result.chat.id === 42 && r.result.chat.type === "private" && r.result.reply_markup.inline_keyboard[0][1].callback_data === "passport"'
BOTMSG=$(printf '%s' "$R" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).result.message_id))')
expect "malformed HTML is rejected like Telegram (400)" "$(bot sendmessage '{"chat_id":"42","text":"<foo>x</foo>","parse_mode":"HTML"}')" \
  'r => r.ok === false && r.error_code === 400 && /can.t parse entities/.test(r.description)'
expect "empty text is rejected (400)" "$(bot sendmessage '{"chat_id":"42","text":""}')" \
  'r => r.ok === false && r.error_code === 400'

# ---- user reads the bot's messages (client /getUpdates)
expect "client /getUpdates returns the bot message with reply_markup" "$(post /getUpdates '{"token":"'$TOKEN'","chatId":42}')" \
  "r => r.ok && r.result.length === 1 && r.result[0].messageId === $BOTMSG && r.result[0].message.text === \"<b>Welcome</b> &amp; hello\" && r.result[0].message.reply_markup.inline_keyboard[0][0].callback_data === \"visa\""
expect "client /getUpdates marks messages read" "$(post /getUpdates '{"token":"'$TOKEN'","chatId":42}')" 'r => r.ok && r.result.length === 0'

# ---- user presses an inline button
post /sendCallback '{"botToken":"'$TOKEN'","from":{"id":42,"first_name":"Ann"},"chatId":42,"data":"passport"}' >/dev/null
expect "callback_query update is well-formed" "$(bot getupdates '{"offset":'$NEXT',"timeout":5}')" \
  "r => { const c = r.ok && r.result.length === 1 && r.result[0].callback_query; return !!c && typeof c.id === 'string' && c.from.is_bot === false && typeof c.chat_instance === 'string' && c.data === 'passport' && c.message.message_id === $BOTMSG && c.message.date < 1e10 && c.message.date > 1.5e9 && c.message.chat.id === 42 && c.message.reply_markup.inline_keyboard.length === 1; }"
CBID=$(bot getupdates '{"offset":'$NEXT'}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const u=JSON.parse(s).result[0];console.log(u.callback_query.id+" "+u.update_id)})')
NEXT=$(( ${CBID#* } + 1 ))
expect "answerCallbackQuery returns true" "$(bot answercallbackquery '{"callback_query_id":"'${CBID% *}'","text":"ok"}')" 'r => r.ok && r.result === true'

# ---- edit / delete
expect "editMessageText returns the edited Message" "$(bot editmessagetext '{"chat_id":"42","message_id":'$BOTMSG',"text":"Choose again"}')" \
  "r => r.ok && r.result.message_id === $BOTMSG && r.result.text === 'Choose again' && r.result.edit_date < 1e10 && !r.result.reply_markup"
expect "editMessageText with identical content -> 400 not modified" "$(bot editmessagetext '{"chat_id":"42","message_id":'$BOTMSG',"text":"Choose again"}')" \
  'r => r.ok === false && r.error_code === 400 && /not modified/.test(r.description)'
expect "editMessageReplyMarkup returns Message" "$(bot editmessagereplymarkup '{"chat_id":"42","message_id":'$BOTMSG',"reply_markup":{"inline_keyboard":[[{"text":"X","callback_data":"x"}]]}}')" \
  'r => r.ok && r.result.reply_markup.inline_keyboard[0][0].callback_data === "x"'
expect "deleteMessage returns true" "$(bot deletemessage '{"chat_id":"42","message_id":'$BOTMSG'}')" 'r => r.ok && r.result === true'
expect "deleteMessage of a missing message -> 400" "$(bot deletemessage '{"chat_id":"42","message_id":'$BOTMSG'}')" 'r => r.ok === false && r.error_code === 400'

# ---- unsupported-by-emulator methods answered and recorded
post /test/reset-calls '{}' >/dev/null
expect "setMyCommands -> true" "$(bot setmycommands '{"commands":[{"command":"start","description":"Start"}]}')" 'r => r.ok && r.result === true'
expect "sendChatAction -> true" "$(bot sendchataction '{"chat_id":"42","action":"typing"}')" 'r => r.ok && r.result === true'
expect "deleteMyCommands -> true" "$(bot deletemycommands '{}')" 'r => r.ok && r.result === true'
expect "/test/calls filters by method" "$(post /test/calls '{"method":"setmycommands"}')" \
  'r => r.ok && r.result.length === 1 && r.result[0].method === "setMyCommands" && r.result[0].body.commands[0].command === "start" && typeof r.result[0].at === "number" && r.result[0].failed === false'
expect "/test/calls lists all calls" "$(post /test/calls '{}')" 'r => r.ok && r.result.length === 3'

# ---- webhook methods
expect "getWebhookInfo" "$(bot getwebhookinfo '{}')" 'r => r.ok && r.result.url === "" && typeof r.result.pending_update_count === "number"'
expect "setWebhook -> true" "$(bot setwebhook '{"url":"http://127.0.0.1:9/hook"}')" 'r => r.ok && r.result === true'
expect "getUpdates while webhook set -> 409" "$(bot getupdates '{}')" 'r => r.ok === false && r.error_code === 409'
expect "deleteWebhook -> true" "$(bot deletewebhook '{"drop_pending_updates":false}')" 'r => r.ok && r.result === true'
expect "unknown method -> Telegram-shaped 404" "$(bot sendvenue '{}')" 'r => r.ok === false && r.error_code === 404'

# ---- fault injection
post /test/fail-next '{"method":"sendMessage","status":429,"retry_after":2,"count":1}' >/dev/null
CODE=$(curl -s -m 5 -o "$WORK/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' "$BASE/bot$TOKEN/sendmessage" -d '{"chat_id":"42","text":"x"}')
[ "$CODE" = 429 ] && ok "fail-next: HTTP 429" || bad "fail-next HTTP status" "$CODE"
expect "fail-next: Telegram 429 body" "$(cat "$WORK/body")" \
  'r => r.ok === false && r.error_code === 429 && r.description === "Too Many Requests: retry after 2" && r.parameters.retry_after === 2'
expect "fail-next: next call succeeds" "$(bot sendmessage '{"chat_id":"42","text":"x"}')" 'r => r.ok === true'
post /test/fail-next '{"method":"sendmessage","status":403}' >/dev/null
expect "fail-next: 403 blocked" "$(bot sendmessage '{"chat_id":"42","text":"x"}')" \
  'r => r.ok === false && r.error_code === 403 && r.description === "Forbidden: bot was blocked by the user" && !r.parameters'
expect "failed calls are recorded with failed=true" "$(post /test/calls '{"method":"sendMessage"}')" \
  'r => r.ok && r.result.filter(c => c.failed).map(c => c.status).join() === "429,403" && r.result.filter(c => !c.failed).length === 1'

# ---- raw update injection (edited message with ms dates, group sticker)
post /test/inject-update '{"token":"'$TOKEN'","update":{"edited_message":{"message_id":1,"from":{"id":42,"first_name":"Ann"},"chat":{"id":42,"type":"private"},"date":1700000000000,"edit_date":1700000001000,"text":"hello!"}}}' >/dev/null
post /test/inject-update '{"token":"'$TOKEN'","update":{"message":{"from":{"id":7,"first_name":"Bob"},"chat":{"id":-100123,"type":"group","title":"G"},"sticker":{"file_id":"F","file_unique_id":"U","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false}}}}' >/dev/null
expect "injected updates delivered in order, dates in seconds" "$(bot getupdates '{"offset":'$NEXT',"timeout":2}')" \
  'r => r.ok && r.result.length === 2 && r.result[0].update_id < r.result[1].update_id && r.result[0].edited_message.date === 1700000000 && r.result[0].edited_message.edit_date === 1700000001 && r.result[1].message.sticker.file_id === "F" && r.result[1].message.from.is_bot === false && Number.isInteger(r.result[1].message.message_id)'

# ---- exactly one line on stdout, then exit on stdin close
[ "$(wc -l <"$WORK/out")" -eq 1 ] && ok "stdout has exactly one line" || bad "stdout lines" "$(cat "$WORK/out")"
exec 3>&-
for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID" 2>/dev/null; then bad "exits when stdin closes"; else ok "exits when stdin closes"; PID=''; fi

# ---- exit on SIGTERM (stdin watch disabled)
TG_EMULATOR_IGNORE_STDIN=1 node launcher.mjs </dev/null >"$WORK/out2" 2>"$WORK/err2" &
PID2=$!
for _ in $(seq 1 100); do [ -s "$WORK/out2" ] && break; sleep 0.1; done
kill -TERM "$PID2"
for _ in $(seq 1 50); do kill -0 "$PID2" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$PID2" 2>/dev/null; then bad "exits on SIGTERM"; else ok "exits on SIGTERM"; PID2=''; fi

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
