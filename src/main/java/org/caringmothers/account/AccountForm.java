package org.caringmothers.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.security.Role;
import org.caringmothers.common.validation.PlainText;
import org.caringmothers.common.web.RecordForm;

/** Creates or edits an account. The initial password is only used on creation. */
@Getter
@Setter
public class AccountForm extends RecordForm {

	/** Validation group of the fields that only a new account has. */
	public interface Create {

	}

	@NotBlank(groups = Create.class)
	@Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,39}$", message = "{account.username.pattern}", groups = Create.class)
	private String username;

	@NotBlank
	@Size(max = 40)
	@PlainText
	private String displayName;

	@NotNull
	private Role role;

	@Size(max = 64)
	private String initialPassword;

	public static AccountForm of(Account account) {
		AccountForm form = new AccountForm();
		form.setUsername(account.getUsername());
		form.setDisplayName(account.getDisplayName());
		form.setRole(account.getRole());
		form.setFederationCode(account.getFederation().getCode());
		form.setVersion(account.getVersion());
		return form;
	}

}
