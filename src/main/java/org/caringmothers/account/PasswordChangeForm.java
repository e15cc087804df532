package org.caringmothers.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** The signed-in user's own password change. */
@Getter
@Setter
public class PasswordChangeForm extends NewPasswordForm {

	@NotBlank
	@Size(max = 64)
	private String currentPassword;

}
