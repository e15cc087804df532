package org.caringmothers.common.web;

import lombok.Getter;
import lombok.Setter;

/**
 * A form that edits a record: it carries the version it was shown with, so that a save
 * over someone else's change is refused ({@code Versions.check}).
 */
@Getter
@Setter
public abstract class VersionedForm {

	private Long version;

}
