package dev.couponapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couponapi.service.WebhookSender;
import dev.couponapi.service.WebhookUrls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An attempt is bounded end to end (docs/events.md, "Delivery"): a receiver that answers and then
 * trickles its body, or never answers, holds a delivery no longer than the attempt's timeout.
 */
class HttpWebhookSenderTest {

  private final ServerSocket server = bind();
  /** Released when the test is done: until then a trickling receiver keeps its body open. */
  private final CountDownLatch done = new CountDownLatch(1);
  private final CountDownLatch bodyFinished = new CountDownLatch(1);

  private final HttpWebhookSender sender = new HttpWebhookSender(new WebhookUrls(true), Duration.ofMillis(800));

  @AfterEach
  void close() throws IOException {
    done.countDown();
    server.close();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aReceiverThatAnswersAndTricklesItsBody_isCountedByItsStatus_andNotWaitedFor() throws Exception {
    serveOnce(out -> {
      out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      done.await();  // the rest of the body comes only after the test is over
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      bodyFinished.countDown();
    });
    WebhookSender.Answer answer = sender.post(url(), "{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=x");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.acknowledged()).isTrue();
    assertThat(bodyFinished.getCount()).as("the receiver had not finished its body when the attempt ended")
        .isEqualTo(1);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aReceiverThatNeverAnswers_timesOut() throws Exception {
    serveOnce(out -> done.await());
    WebhookSender.Answer answer = sender.post(url(), "{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=x");
    assertThat(answer.timedOut()).isTrue();
    assertThat(answer.status()).isZero();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aReceiverThatSendsHeadersSlowly_timesOutToo() throws Exception {
    serveOnce(out -> {
      out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      done.await();
    });
    assertThat(sender.post(url(), "{}".getBytes(StandardCharsets.UTF_8), "t=1,v1=x").timedOut()).isTrue();
  }

  private interface Answering {
    void answer(OutputStream out) throws Exception;
  }

  /** Accepts one connection, reads the request's head and body, then answers as {@code answering} says. */
  private void serveOnce(Answering answering) {
    Thread thread = new Thread(() -> {
      try (Socket socket = server.accept()) {
        readRequest(socket.getInputStream());
        answering.answer(socket.getOutputStream());
      } catch (Exception closed) {
        // the sender closed the connection, or the test ended
      }
    }, "receiver");
    thread.setDaemon(true);
    thread.start();
  }

  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        return;
      }
      head.append((char) c);
    }
    String text = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = text.indexOf("content-length:");
    int length = at < 0 ? 0 : Integer.parseInt(text.substring(at + 15, text.indexOf("\r\n", at)).trim());
    in.readNBytes(length);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
  }

  private static ServerSocket bind() {
    try {
      return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
