package org.caringmothers.visit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where the bytes of cleaned contact photos are kept: in PostgreSQL by default
 * ({@link DatabasePhotoStorage}), so that every application instance sees them and one
 * backup holds them; another store (an S3-compatible object store) can be put behind this
 * interface.
 */
interface PhotoStorage {

	/** Stores the bytes read from {@code content} under a new name. */
	void save(String name, InputStream content) throws IOException;

	/** Writes the photo's bytes to {@code out}; false when there is no such photo. */
	boolean writeTo(String name, OutputStream out) throws IOException;

	/** Removes a photo; one already gone is no error. */
	void delete(String name);

}
