package org.caringmothers.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** A temporary password set by an administrator; it must be changed at next sign-in. */
@Getter
@Setter
public class PasswordResetForm {

	@NotBlank
	@Size(max = 64)
	private String temporaryPassword;

}
