package org.caringmothers.common.privacy;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;

/**
 * Every database column that holds a ciphertext of {@link SensitiveDataCipher}. The name
 * is bound into each ciphertext as associated data, so that a value copied into another
 * column (or another row's purpose) no longer decrypts; the table and columns let
 * {@link SensitiveDataReencryption} re-encrypt everything under a new secret.
 */
@RequiredArgsConstructor
@Getter
@Accessors(fluent = true)
public enum ProtectedColumn {

	/** A volunteer's identity number, with its keyed hash for exact lookups. */
	VOLUNTEER_ID_NUMBER("volunteer", "id_number_cipher", "id_number_index"),

	/** A child's identity number, with its keyed hash for exact lookups. */
	CHILD_ID_NUMBER("child", "id_number_cipher", "id_number_index"),

	/** The rows of a spreadsheet import waiting to be confirmed (purged when done). */
	IMPORT_JOB_ROWS("import_job", "rows_cipher", null),

	/** The reasons why rows of an import cannot be imported (they may quote numbers). */
	IMPORT_JOB_PROBLEMS("import_job", "bad_rows_cipher", null),

	/** The TOTP secret of an account's second factor (Base32 text). */
	ACCOUNT_TOTP_SECRET("app_user", "totp_secret_cipher", null);

	private final String table;

	private final String cipherColumn;

	/** The column of the keyed hash, or {@code null} when the column has none. */
	private final String indexColumn;

	/** The associated data bound into every ciphertext of this column. */
	String associatedData() {
		return this.table + "." + this.cipherColumn;
	}

}
