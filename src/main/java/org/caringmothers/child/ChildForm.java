package org.caringmothers.child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;
import org.caringmothers.common.web.PersonForm;

import static org.caringmothers.common.validation.Texts.trimToNull;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Registers or edits a child. On edit the identity number and the guardians' phone
 * numbers are not sent back to the browser: an empty field keeps what is stored.
 */
@Getter
@Setter
public class ChildForm extends PersonForm {

	static final int GUARDIAN_ROWS = 3;

	@Size(max = 20)
	private String idNumber;

	@NotEmpty
	private Set<ChildCategory> categories = EnumSet.noneOf(ChildCategory.class);

	@NotNull
	private ParentsSituation parentsSituation;

	@Size(max = 100)
	@PlainText
	private String parentsWorkPlace;

	@Size(max = 100)
	@PlainText
	private String school;

	@Size(max = 20)
	@PlainText
	private String grade;

	@Size(max = 200)
	@PlainText
	private String address;

	@Valid
	private List<GuardianForm> guardians = new ArrayList<>();

	@Size(max = 1000)
	@PlainText
	private String healthNotes;

	private boolean healthShareable;

	@NotNull
	private RiskLevel riskLevel;

	@NotNull
	@PastOrPresent
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate consentDate;

	@NotBlank
	@Size(max = 40)
	@PlainText
	private String consentBy;

	@Size(max = 200)
	@PlainText
	private String consentScope;

	/**
	 * Set by "仍然登记" after the form warned that the child may be registered already.
	 */
	private boolean confirmDuplicate;

	public ChildForm() {
		padGuardians();
	}

	/** Makes sure the form shows its guardian rows. */
	public void padGuardians() {
		while (this.guardians.size() < GUARDIAN_ROWS) {
			this.guardians.add(new GuardianForm());
		}
	}

	List<GuardianForm> filledGuardians() {
		return this.guardians.stream().filter(GuardianForm::isFilled).toList();
	}

	public static ChildForm of(Child child) {
		ChildForm form = new ChildForm();
		form.setName(child.getName());
		form.setGender(child.getGender());
		form.setBirthDate(child.getBirthDate());
		form.setCategories(EnumSet
			.copyOf(child.getCategories().isEmpty() ? EnumSet.noneOf(ChildCategory.class) : child.getCategories()));
		form.setParentsSituation(child.getParentsSituation());
		form.setParentsWorkPlace(child.getParentsWorkPlace());
		form.setSchool(child.getSchool());
		form.setGrade(child.getGrade());
		form.setFederationCode(child.getFederation().getCode());
		form.setAddress(child.getAddress());
		form.setGuardians(new ArrayList<>(child.getGuardians().stream().map(GuardianForm::of).toList()));
		form.padGuardians();
		form.setHealthNotes(child.getHealthNotes());
		form.setHealthShareable(child.isHealthShareable());
		form.setRiskLevel(child.getRiskLevel());
		form.setConsentDate(child.getConsentDate());
		form.setConsentBy(child.getConsentBy());
		form.setConsentScope(child.getConsentScope());
		form.setVersion(child.getVersion());
		return form;
	}

	/** What the service hands to the child's record. */
	ChildParameters toParameters() {
		return new ChildParameters(getName().trim(), getGender(), getBirthDate(), Set.copyOf(this.categories),
				this.parentsSituation, trimToNull(this.parentsWorkPlace), trimToNull(this.school),
				trimToNull(this.grade), trimToNull(this.address),
				filledGuardians().stream()
					.map(guardian -> new ChildParameters.GuardianParameters(guardian.getName().trim(),
							guardian.getRelation(), guardian.normalisedPhone()))
					.toList(),
				trimToNull(this.healthNotes), this.healthShareable, this.riskLevel, this.consentDate,
				trimToNull(this.consentBy), trimToNull(this.consentScope));
	}

}
