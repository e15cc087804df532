package org.caringmothers.volunteer;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;
import org.caringmothers.common.web.PersonForm;

import static org.caringmothers.common.validation.Texts.trimToNull;

/**
 * Registers or edits a volunteer. On edit the identity and phone numbers are not sent
 * back to the browser: an empty field keeps what is stored.
 */
@Getter
@Setter
public class VolunteerForm extends PersonForm {

	/** Validation group of the fields that a new volunteer must have. */
	public interface Create {

	}

	@NotBlank(groups = Create.class)
	@Size(max = 20)
	private String phone;

	@NotBlank(groups = Create.class)
	@Size(max = 20)
	private String idNumber;

	@Size(max = 100)
	@PlainText
	private String workUnit;

	@Size(max = 40)
	@PlainText
	private String occupation;

	private Set<Skill> skills = EnumSet.noneOf(Skill.class);

	private Long stationId;

	@NotNull
	private VolunteerRole role;

	public static VolunteerForm of(Volunteer volunteer) {
		VolunteerForm form = new VolunteerForm();
		form.setName(volunteer.getName());
		form.setGender(volunteer.getGender());
		form.setBirthDate(volunteer.getBirthDate());
		form.setWorkUnit(volunteer.getWorkUnit());
		form.setOccupation(volunteer.getOccupation());
		form.setSkills(
				volunteer.getSkills().isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(volunteer.getSkills()));
		form.setFederationCode(volunteer.getFederation().getCode());
		form.setStationId(volunteer.getStation() == null ? null : volunteer.getStation().getId());
		form.setRole(volunteer.getRole());
		form.setVersion(volunteer.getVersion());
		return form;
	}

	/** What the service hands to the volunteer's record. */
	VolunteerParameters toParameters() {
		return new VolunteerParameters(this.role, getName().trim(), getGender(), getBirthDate(),
				trimToNull(this.workUnit), trimToNull(this.occupation), Set.copyOf(this.skills));
	}

}
