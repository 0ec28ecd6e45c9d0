package io.jnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Address#parse}: the address forms every command accepts, in-process. */
class CliAddressTest {
  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "8080, null, null, 8080, null, 8080",
        "8080, localhost, localhost, 8080, null, localhost:8080",
        "tcp:0, null, null, 0, null, 0",
        "127.0.0.1:80, null, 127.0.0.1, 80, null, 127.0.0.1:80",
        "tcp:example.com:443, null, example.com, 443, null, example.com:443",
        "[::1]:9000, null, ::1, 9000, null, [::1]:9000",
        "tcp:[::]:0, null, ::, 0, null, [::]:0",
        ":7, localhost, localhost, 7, null, localhost:7",
        "unix:/run/app.sock, null, null, -1, /run/app.sock, unix:/run/app.sock",
        "unix:rel/a.sock, localhost, null, -1, rel/a.sock, unix:rel/a.sock",
      })
  void parsesEachForm(
      String text, String defaultHost, String host, int port, String path, String shown) {
    Address a = Address.parse(text, defaultHost);
    assertEquals(new Address(host, port, path), a);
    assertEquals(shown, a.toString());
  }

  @ParameterizedTest
  @CsvSource({
    "'', 'not a port: '''' in '",
    "unix:, 'empty unix path: unix:'",
    "host:, 'not a port: '''' in host:'",
    "host:http, 'not a port: ''http'' in host:http'",
    "65536, 'port out of range: 65536'",
    "tcp:-1, 'port out of range: -1'",
  })
  void rejectsWithAMessageNamingTheText(String text, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Address.parse(text, null));
    assertEquals(message, e.getMessage());
  }
}
