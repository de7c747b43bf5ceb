package org.consularbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.consularbot.conversation.StoreException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** The offset tells Telegram what arrived: it moves past an update only once that update is stored. */
class TelegramPollerTest {

    private final TelegramClient client = mock(TelegramClient.class);
    private final TelegramIngress ingress = mock(TelegramIngress.class);
    private final SendPacerTest.FakeTime time = new SendPacerTest.FakeTime();
    private final TelegramPoller poller = new TelegramPoller(client, ingress, 30, time);

    @Test
    void theOffsetMovesPastStoredUpdatesOnly() throws Exception {
        Update first = update(100);
        Update second = update(101);
        Update third = update(102);
        when(client.execute(any(GetUpdates.class))).thenReturn(new ArrayList<>(List.of(first, second, third)));
        doNothing().when(ingress).receive(first);
        doThrow(new StoreException("database down", new SQLException()))
                .when(ingress)
                .receive(second);

        poller.pollOnce();

        assertThat(poller.offset()).as("the failed update is asked for again").isEqualTo(101);
        Mockito.verify(ingress, Mockito.never()).receive(third);
        assertThat(time.sleeps).as("waited before asking again").isNotEmpty();

        Mockito.reset(ingress);
        poller.pollOnce();
        ArgumentCaptor<GetUpdates> asked = ArgumentCaptor.forClass(GetUpdates.class);
        Mockito.verify(client, Mockito.times(2)).execute(asked.capture());
        assertThat(asked.getAllValues().get(1).getOffset()).isEqualTo(101);
        assertThat(poller.offset()).isEqualTo(103);
    }

    @Test
    void anUpdateThatBreaksTheBotIsSkippedSoOthersAreNotBlocked() throws Exception {
        when(client.execute(any(GetUpdates.class))).thenReturn(new ArrayList<>(List.of(update(7), update(8))));
        doThrow(new IllegalStateException("bug")).when(ingress).receive(any());

        poller.pollOnce();

        assertThat(poller.offset()).isEqualTo(9);
    }

    @Test
    void networkErrorsNeverEndThePollerAndBackOffUpTo30Seconds() throws Exception {
        when(client.execute(any(GetUpdates.class)))
                .thenThrow(new TelegramApiException("Unable to execute getupdates", new IOException("reset")));

        for (int i = 0; i < 8; i++) {
            poller.pollOnce();
        }

        assertThat(time.sleeps).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(poller.offset()).isZero();
    }

    @Test
    void anInstanceThatDoesNotLeadDoesNotPoll() throws Exception {
        TelegramPoller follower = new TelegramPoller(client, ingress, 30, time, () -> false);

        follower.pollOnce();

        Mockito.verify(client, Mockito.never()).execute(any(GetUpdates.class));
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(5));
    }

    private static Update update(int id) {
        Update update = new Update();
        update.setUpdateId(id);
        return update;
    }
}
