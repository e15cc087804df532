package org.caringmothers.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/**
 * A new password, typed twice: what activating an account and changing a password share.
 */
@Getter
@Setter
public abstract class NewPasswordForm {

	@NotBlank
	@Size(max = 64)
	private String newPassword;

	@NotBlank
	@Size(max = 64)
	private String confirmPassword;

}
