package org.caringmothers.deploy;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as far as the deployment tests need one: cookies (shared by every port on
 * localhost, as a load balancer in front of two instances would make it), no automatic
 * redirects, the CSRF token read from the last page.
 */
final class WebClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private String csrf;

	HttpResponse<String> get(int port, String path) throws Exception {
		HttpResponse<String> response = this.http.send(request(port, path).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher matcher = CSRF.matcher(response.body());
		if (matcher.find()) {
			this.csrf = matcher.group(1);
		}
		return response;
	}

	HttpResponse<byte[]> getBytes(int port, String path) throws Exception {
		return this.http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	HttpResponse<String> post(int port, String path, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + encode(this.csrf);
		return this.http.send(request(port, path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A multipart form: text fields, then files as name → (filename, content type,
	 * bytes).
	 */
	HttpResponse<String> postMultipart(int port, String path, Map<String, String> fields, String fileField,
			String filename, String contentType, byte[] content) throws Exception {
		String boundary = "----cm" + UUID.randomUUID();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Map.Entry<String, String> field : fields.entrySet()) {
			part(out, boundary, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
			out.write(field.getValue().getBytes(StandardCharsets.UTF_8));
			out.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		part(out, boundary, "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf + "\r\n");
		part(out, boundary, "Content-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		out.write(content);
		out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.http.send(request(port, path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The language cookie the language switch sets. */
	void language(String tag) {
		java.net.HttpCookie cookie = new java.net.HttpCookie("cm-lang", tag);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create("http://localhost/"), cookie);
	}

	void signIn(int port, String username, String password) throws Exception {
		assertThat(get(port, "/login").statusCode()).isEqualTo(200);
		HttpResponse<String> response = post(port, "/login", Map.of("username", username, "password", password));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private static void part(ByteArrayOutputStream out, String boundary, String header) {
		out.writeBytes(("--" + boundary + "\r\n" + header).getBytes(StandardCharsets.UTF_8));
	}

	private static HttpRequest.Builder request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept-Language", "zh-CN");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
