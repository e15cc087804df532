package org.caringmothers.common.web;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses that the servlet container itself parses (bad percent-encoding, characters
 * that should be escaped in a query) get the application's own page in the user's
 * language, never the framework's: run against the real server, not MockMvc.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestIT {

	@LocalServerPort
	int port;

	@Test
	void badPercentEncodingGetsAFriendly400() throws IOException {
		Answer answer = get("/activate?u=%ZZ");
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("无法处理这个请求").doesNotContain("Whitelabel").doesNotContain("Tomcat");
	}

	@Test
	void unescapedAngleBracketsInAQueryAreReadAndEscapedOnOutput() throws IOException {
		Answer answer = get("/activate?u=<b>x</b>");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
	}

	/**
	 * The raw address, as a browser or a scanner may send it, without client-side
	 * escaping.
	 */
	private Answer get(String pathAndQuery) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write(("GET " + pathAndQuery + " HTTP/1.0\r\nHost: localhost\r\nAccept: text/html\r\n"
						+ "Accept-Language: zh-CN\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new Answer(Integer.parseInt(raw.substring(9, 12)), raw.substring(raw.indexOf("\r\n\r\n") + 4));
		}
	}

	private record Answer(int status, String body) {
	}

}
