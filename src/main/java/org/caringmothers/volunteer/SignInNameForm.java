package org.caringmothers.volunteer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import lombok.Getter;
import lombok.Setter;

/** The sign-in name staff give a volunteer's new account (a proposal they may change). */
@Getter
@Setter
public class SignInNameForm {

	@NotBlank
	@Pattern(regexp = "^\\s*[a-zA-Z0-9][a-zA-Z0-9._-]{2,39}\\s*$", message = "{account.username.pattern}")
	private String username;

}
