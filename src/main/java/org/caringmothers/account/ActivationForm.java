package org.caringmothers.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** A caring mother exchanges the code on her slip for a password of her own. */
@Getter
@Setter
public class ActivationForm extends NewPasswordForm {

	@NotBlank
	@Size(max = 40)
	private String username;

	@NotBlank
	@Size(max = 20)
	private String code;

}
