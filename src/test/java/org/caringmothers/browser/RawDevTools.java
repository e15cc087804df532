package org.caringmothers.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.openqa.selenium.json.Json;

/**
 * A plain DevTools protocol connection to the whole browser, next to ChromeDriver's own:
 * raw commands in flat sessions, since Selenium's typed bindings lag Chromium. It
 * attaches to every page and service worker as they start ({@code Target.setAutoAttach},
 * each new target held until it is set up) and switches their network off and on
 * ({@code Network.emulateNetworkConditions}): page-level emulation alone does not stop a
 * service worker's own requests.
 */
final class RawDevTools implements AutoCloseable {

	private static final Set<String> NETWORKED = Set.of("page", "service_worker", "worker", "shared_worker");

	private final Json json = new Json();

	private final AtomicLong ids = new AtomicLong();

	private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();

	/** Attached session id to target type. */
	private final Map<String, String> sessions = new ConcurrentHashMap<>();

	private final WebSocket socket;

	private volatile boolean offline;

	private RawDevTools(WebSocket socket) {
		this.socket = socket;
	}

	/**
	 * Connects to the browser behind ChromeDriver's {@code debuggerAddress} (host:port).
	 */
	static RawDevTools connect(String debuggerAddress) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String version = http
			.send(HttpRequest.newBuilder(URI.create("http://" + debuggerAddress + "/json/version")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Map<String, Object> info = new Json().toType(version, Json.MAP_TYPE);
		Listener listener = new Listener();
		WebSocket socket = http.newWebSocketBuilder()
			.buildAsync(URI.create((String) info.get("webSocketDebuggerUrl")), listener)
			.get(10, TimeUnit.SECONDS);
		RawDevTools devTools = new RawDevTools(socket);
		listener.owner = devTools;
		devTools.call("Target.setAutoAttach",
				Map.of("autoAttach", true, "waitForDebuggerOnStart", true, "flatten", true), null);
		return devTools;
	}

	/**
	 * Sends a command (to the browser, or to an attached target's session) and waits for
	 * its answer.
	 */
	Map<String, Object> call(String method, Map<String, Object> params, String sessionId) {
		try {
			return send(method, params, sessionId).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(method + " failed", ex);
		}
	}

	/** Switches the network of every attached page and worker off or on. */
	void setOffline(boolean offline) {
		this.offline = offline;
		for (String session : this.sessions.keySet()) {
			call("Network.emulateNetworkConditions", conditions(), session);
		}
	}

	/** The types of the targets attached so far, e.g. page and service_worker. */
	List<String> attachedTypes() {
		return List.copyOf(this.sessions.values());
	}

	private Map<String, Object> conditions() {
		return Map.of("offline", this.offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
	}

	private CompletableFuture<Map<String, Object>> send(String method, Map<String, Object> params, String sessionId) {
		long id = this.ids.incrementAndGet();
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", id);
		message.put("method", method);
		message.put("params", params);
		if (sessionId != null) {
			message.put("sessionId", sessionId);
		}
		CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
		this.pending.put(id, answer);
		synchronized (this.socket) {
			this.socket.sendText(this.json.toJson(message), true).join();
		}
		return answer;
	}

	@SuppressWarnings("unchecked")
	private void receive(String text) {
		Map<String, Object> message = this.json.toType(text, Json.MAP_TYPE);
		Object id = message.get("id");
		if (id != null) {
			CompletableFuture<Map<String, Object>> answer = this.pending.remove(((Number) id).longValue());
			if (answer != null) {
				if (message.containsKey("error")) {
					answer.completeExceptionally(new IllegalStateException(String.valueOf(message.get("error"))));
				}
				else {
					answer.complete((Map<String, Object>) message.getOrDefault("result", Map.of()));
				}
			}
			return;
		}
		if ("Target.attachedToTarget".equals(message.get("method"))) {
			Map<String, Object> params = (Map<String, Object>) message.get("params");
			String session = (String) params.get("sessionId");
			String type = (String) ((Map<String, Object>) params.get("targetInfo")).get("type");
			boolean waiting = Boolean.TRUE.equals(params.get("waitingForDebugger"));
			// Answers arrive on this thread: chain the set-up instead of waiting for it.
			CompletableFuture<?> setUp = CompletableFuture.completedFuture(null);
			if (NETWORKED.contains(type)) {
				this.sessions.put(session, type);
				setUp = send("Network.enable", Map.of(), session)
					.thenCompose(done -> send("Network.emulateNetworkConditions", conditions(), session));
			}
			setUp
				.handle((done, failure) -> waiting ? send("Runtime.runIfWaitingForDebugger", Map.of(), session) : null);
		}
		else if ("Target.detachedFromTarget".equals(message.get("method"))) {
			Map<String, Object> params = (Map<String, Object>) message.get("params");
			this.sessions.remove((String) params.get("sessionId"));
		}
	}

	@Override
	public void close() {
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).exceptionally(ex -> null);
	}

	private static final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private volatile RawDevTools owner;

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				String text = this.partial.toString();
				this.partial.setLength(0);
				if (this.owner != null) {
					this.owner.receive(text);
				}
			}
			socket.request(1);
			return null;
		}

	}

}
