package org.caringmothers.volunteer;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.Gender;
import org.caringmothers.common.validation.PlainText;

import org.springframework.format.annotation.DateTimeFormat;

import static org.caringmothers.common.validation.Texts.trimToNull;

/**
 * Registers or edits a volunteer. On edit the identity and phone numbers are not sent
 * back to the browser: an empty field keeps what is stored.
 */
@Getter
@Setter
public class VolunteerForm {

	/** Validation group of the fields that a new volunteer must have. */
	public interface Create {

	}

	@NotBlank
	@Size(max = 40)
	@PlainText
	private String name;

	@NotNull
	private Gender gender;

	@NotNull
	@Past
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate birthDate;

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

	@NotBlank
	@Size(max = 12)
	private String federationCode;

	private Long stationId;

	@NotNull
	private VolunteerRole role;

	private Long version;

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
		return new VolunteerParameters(this.role, this.name.trim(), this.gender, this.birthDate,
				trimToNull(this.workUnit), trimToNull(this.occupation), Set.copyOf(this.skills));
	}

}
