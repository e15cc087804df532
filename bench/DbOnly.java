import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the statements PostgreSQL logged for one request (log_min_duration_statement = 0,
 * in the server's log file, or its output as the application logs it) into a pgbench script with
 * the logged parameters put back in, so that bench/run.sh can time the same statements
 * straight against the database (db_only_ms).
 *
 * <pre>java bench/DbOnly.java LOG FIRST_LINE [--rollback] &gt; page.sql</pre>
 *
 * Reads the log from FIRST_LINE (1-based) to its end. With --rollback (a request that
 * writes), the statements run in one transaction that is rolled back, so that the script
 * can repeat without unique-key conflicts; its own BEGIN/COMMIT are dropped.
 */
public class DbOnly {

	/** A line of the server's own output as the application logs it. */
	private static final Pattern SERVER_LINE = Pattern.compile("EmbeddedPostgres\\s+: (.*)$");

	/** The start of a server log entry: "2026-11-30 07:47:28.392 UTC [17244] LOG:  …". */
	private static final Pattern ENTRY = Pattern
		.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? \\S+ \\[\\d+\\] (\\w+):  (.*)$");

	private static final Pattern STATEMENT = Pattern
		.compile("^duration: [0-9.]+ ms  (?:statement|execute [^:]*): (.*)$", Pattern.DOTALL);

	private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'(?:[^']|'')*')");

	public static void main(String[] args) throws IOException {
		List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
		int first = Integer.parseInt(args[1]);
		boolean rollback = args.length > 2 && args[2].equals("--rollback");
		List<String[]> entries = new ArrayList<>(); // level, text
		for (int i = Math.max(0, first - 1); i < lines.size(); i++) {
			// the server's own log file, or its output as the application logs it
			Matcher server = SERVER_LINE.matcher(lines.get(i));
			String content = server.find() ? server.group(1) : lines.get(i);
			Matcher entry = ENTRY.matcher(content);
			if (entry.matches()) {
				entries.add(new String[] { entry.group(1), entry.group(2) });
			}
			else if (!entries.isEmpty()) {
				String[] last = entries.get(entries.size() - 1);
				last[1] = last[1] + "\n" + content;
			}
		}
		List<String> statements = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			String[] entry = entries.get(i);
			if (!entry[0].equals("LOG")) {
				continue;
			}
			Matcher statement = STATEMENT.matcher(entry[1]);
			if (!statement.matches()) {
				continue;
			}
			String sql = statement.group(1).strip();
			if (i + 1 < entries.size() && entries.get(i + 1)[0].equals("DETAIL")
					&& entries.get(i + 1)[1].startsWith("Parameters: ")) {
				List<String> values = new ArrayList<>();
				Matcher parameter = PARAMETER.matcher(entries.get(i + 1)[1]);
				while (parameter.find()) {
					int index = Integer.parseInt(parameter.group(1));
					while (values.size() < index) {
						values.add("NULL");
					}
					values.set(index - 1, parameter.group(2));
				}
				// from the highest number down, so that $1 does not eat the start of $10
				for (int n = values.size(); n >= 1; n--) {
					sql = sql.replace("$" + n, values.get(n - 1));
				}
			}
			String keyword = sql.replaceAll(";\\s*$", "").strip().toUpperCase();
			if (keyword.isEmpty() || keyword.startsWith("ALTER SYSTEM") || keyword.startsWith("SELECT PG_RELOAD_CONF")) {
				continue; // the script's own switching of the statement log
			}
			if (rollback && (keyword.equals("BEGIN") || keyword.equals("COMMIT") || keyword.equals("ROLLBACK"))) {
				continue;
			}
			statements.add(sql.replaceAll(";\\s*$", "") + ";");
		}
		StringBuilder script = new StringBuilder();
		if (rollback) {
			script.append("BEGIN;\n");
		}
		statements.forEach(s -> script.append(s).append('\n'));
		if (rollback) {
			script.append("ROLLBACK;\n");
		}
		System.out.print(script);
		System.err.println(statements.size() + " statements");
	}

}
