package org.caringmothers.common.excel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.caringmothers.common.privacy.ProtectedColumn;
import org.caringmothers.common.privacy.SensitiveDataCipher;
import org.caringmothers.common.security.CurrentUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The import jobs of the last hour, each visible to the user who started it only, kept in
 * PostgreSQL ({@code import_job}) so that any application instance can show, confirm or
 * cancel them. The rows read from the file and the problems found in them are encrypted
 * ({@link SensitiveDataCipher}); both are removed as soon as the import has ended, and a
 * job is deleted altogether an hour after it started.
 */
@Component
public class ImportJobs {

	private static final String ARGUMENT_SEPARATOR = "\u001F";

	private static final String KEEP = "1 hour";

	private final JdbcTemplate jdbc;

	private final SensitiveDataCipher cipher;

	private final SecureRandom random = new SecureRandom();

	ImportJobs(JdbcTemplate jdbc, SensitiveDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	<F> ImportJob<F> create(Class<F> formType, CurrentUser user, List<SheetRow> rows, Locale locale,
			String remoteAddress) {
		this.jdbc.update("delete from import_job where created_at < now() - ?::interval", KEEP);
		byte[] bytes = new byte[16];
		this.random.nextBytes(bytes);
		ImportJob<F> job = new ImportJob<>(this, HexFormat.of().formatHex(bytes), formType, user, rows.size(), locale,
				remoteAddress);
		this.jdbc.update(
				"insert into import_job (token, form_type, user_id, locale, remote_address, total, state, rows_cipher)"
						+ " values (?, ?, ?, ?, ?, ?, 'CHECKING', ?)",
				job.getToken(), formType.getName(), user.id(), locale.toLanguageTag(), remoteAddress, rows.size(),
				this.cipher.encrypt(ProtectedColumn.IMPORT_JOB_ROWS, writeRows(rows)));
		return job;
	}

	/** The user's own job of this kind; empty for anyone else's or another kind's. */
	public <F> Optional<ImportJob<F>> find(String token, CurrentUser user, Class<F> formType) {
		List<ImportJob<F>> found = this.jdbc
			.query("select token, locale, remote_address, total, state, done, imported, good_rows, bad_rows_cipher,"
					+ " failure_key, failure_args from import_job where token = ? and user_id = ? and form_type = ?"
					+ " and created_at >= now() - ?::interval", (rs, n) -> {
						ImportJob<F> job = new ImportJob<>(this, rs.getString("token"), formType, user,
								rs.getInt("total"), Locale.forLanguageTag(rs.getString("locale")),
								rs.getString("remote_address"));
						Array good = rs.getArray("good_rows");
						List<Integer> numbers = Arrays.asList((Integer[]) good.getArray());
						String bad = rs.getString("bad_rows_cipher");
						String args = rs.getString("failure_args");
						job.restore(ImportJob.State.valueOf(rs.getString("state")), rs.getInt("done"),
								rs.getInt("imported"), numbers,
								(bad != null)
										? readBadRows(
												this.cipher.decryptBytes(ProtectedColumn.IMPORT_JOB_PROBLEMS, bad))
										: List.of(),
								rs.getString("failure_key"),
								(args != null) ? args.split(ARGUMENT_SEPARATOR, -1) : null);
						return job;
					}, token, user.id(), formType.getName(), KEEP);
		return found.stream().findFirst();
	}

	/** The rows of the file as read, for the import itself. */
	List<SheetRow> rows(ImportJob<?> job) {
		String sealed = this.jdbc.queryForObject("select rows_cipher from import_job where token = ?", String.class,
				job.getToken());
		return (sealed != null) ? readRows(this.cipher.decryptBytes(ProtectedColumn.IMPORT_JOB_ROWS, sealed))
				: List.of();
	}

	public void remove(ImportJob<?> job) {
		this.jdbc.update("delete from import_job where token = ? and state not in ('CHECKING', 'IMPORTING')",
				job.getToken());
	}

	void saveProgress(ImportJob<?> job) {
		this.jdbc.update("update import_job set done = ?, updated_at = now() where token = ?", job.getDone(),
				job.getToken());
	}

	void saveChecked(ImportJob<?> job) {
		this.jdbc.update(
				"update import_job set state = 'CHECKED', done = ?, good_rows = ?, bad_rows_cipher = ?,"
						+ " updated_at = now() where token = ? and state = 'CHECKING'",
				job.getDone(), job.goodNumbers().toArray(Integer[]::new),
				this.cipher.encrypt(ProtectedColumn.IMPORT_JOB_PROBLEMS, writeBadRows(job.getBadRows())),
				job.getToken());
	}

	/** CHECKED to IMPORTING, once whichever instance asks. */
	boolean claimImport(ImportJob<?> job) {
		return this.jdbc.update("update import_job set state = 'IMPORTING', done = 0, updated_at = now()"
				+ " where token = ? and state = 'CHECKED'", job.getToken()) == 1;
	}

	/** The end of an import: its outcome stays, the rows and problems are purged. */
	void saveEnded(ImportJob<?> job) {
		Object[] arguments = job.getFailureArguments();
		// joined by the unit separator (PostgreSQL text cannot hold NUL); neither may
		// occur
		// inside an argument
		String args = (arguments != null)
				? String.join(ARGUMENT_SEPARATOR,
						Arrays.stream(arguments).map(a -> String.valueOf(a).replaceAll("[\\x00\\x1F]", " ")).toList())
				: null;
		this.jdbc.update("update import_job set state = ?, done = ?, imported = ?, failure_key = ?, failure_args = ?,"
				+ " rows_cipher = null, bad_rows_cipher = null, good_rows = ?, updated_at = now() where token = ?",
				job.getState().name(), job.getDone(), job.getImported(), job.getFailureKey(), args,
				job.goodNumbers().toArray(Integer[]::new), job.getToken());
	}

	static byte[] writeRows(List<SheetRow> rows) {
		return write((out) -> {
			out.writeInt(rows.size());
			for (SheetRow row : rows) {
				out.writeInt(row.number());
				out.writeInt(row.values().size());
				for (Map.Entry<String, String> cell : row.values().entrySet()) {
					out.writeUTF(cell.getKey());
					out.writeBoolean(cell.getValue() != null);
					if (cell.getValue() != null) {
						out.writeUTF(cell.getValue());
					}
				}
			}
		});
	}

	static List<SheetRow> readRows(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			int count = in.readInt();
			List<SheetRow> rows = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int number = in.readInt();
				int cells = in.readInt();
				Map<String, String> values = new LinkedHashMap<>();
				for (int c = 0; c < cells; c++) {
					String header = in.readUTF();
					values.put(header, in.readBoolean() ? in.readUTF() : null);
				}
				rows.add(new SheetRow(number, values));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] writeBadRows(List<ImportJob.BadRow> rows) {
		return write((out) -> {
			out.writeInt(rows.size());
			for (ImportJob.BadRow row : rows) {
				out.writeInt(row.number());
				out.writeInt(row.problems().size());
				for (String problem : row.problems()) {
					out.writeUTF(problem);
				}
			}
		});
	}

	static List<ImportJob.BadRow> readBadRows(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			int count = in.readInt();
			List<ImportJob.BadRow> rows = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int number = in.readInt();
				int problems = in.readInt();
				List<String> texts = new ArrayList<>(problems);
				for (int p = 0; p < problems; p++) {
					texts.add(in.readUTF());
				}
				rows.add(new ImportJob.BadRow(number, texts));
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private interface Writer {

		void write(DataOutputStream out) throws IOException;

	}

	private static byte[] write(Writer writer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			writer.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
