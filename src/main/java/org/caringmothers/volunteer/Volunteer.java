package org.caringmothers.volunteer;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.caringmothers.common.Gender;
import org.caringmothers.common.privacy.Masking;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationRecord;
import org.caringmothers.federation.Station;
import org.hibernate.annotations.BatchSize;

/**
 * A caring mother or a reserve volunteer. The identity number is held only encrypted,
 * with its keyed hash and a masked copy; the phone number is stored as entered and leaves
 * this class masked unless the service reveals it.
 */
@Entity
@Table(name = "volunteer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Volunteer extends FederationRecord {

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "station_id")
	private Station station;

	/** The sign-in account of a caring mother, if she has one. */
	private Long accountId;

	@Enumerated(EnumType.STRING)
	private VolunteerRole role;

	private String name;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	private LocalDate birthDate;

	@Getter(AccessLevel.PACKAGE)
	private String phone;

	@Getter(AccessLevel.PACKAGE)
	private String idNumberCipher;

	@Getter(AccessLevel.PACKAGE)
	private String idNumberIndex;

	private String idNumberMasked;

	private String workUnit;

	private String occupation;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "volunteer_skill", joinColumns = @JoinColumn(name = "volunteer_id"))
	@Column(name = "skill")
	@Enumerated(EnumType.STRING)
	private Set<Skill> skills = EnumSet.noneOf(Skill.class);

	/** For a reserve: the caring mothers she backs. */
	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "volunteer_backing", joinColumns = @JoinColumn(name = "reserve_id"),
			inverseJoinColumns = @JoinColumn(name = "mother_id"))
	@Getter(AccessLevel.NONE)
	private Set<Volunteer> mothers = new HashSet<>();

	@Enumerated(EnumType.STRING)
	private VolunteerStatus status = VolunteerStatus.APPLIED;

	private boolean interviewDone;

	private boolean referencesChecked;

	private boolean noCriminalRecord;

	private LocalDate oathDate;

	private String statusReason;

	Volunteer(Long createdBy) {
		super(createdBy);
	}

	/** The phone number as every page shows it. */
	public String getMaskedPhone() {
		return Masking.phone(this.phone);
	}

	/**
	 * The last four digits of her phone, which tell apart two volunteers of the same name
	 * in a drop-down without showing the number.
	 */
	public String getPhoneTail() {
		return this.phone == null || this.phone.length() < 4 ? "" : this.phone.substring(this.phone.length() - 4);
	}

	/** Age in whole years on the given day. */
	public int ageOn(LocalDate day) {
		return Period.between(this.birthDate, day).getYears();
	}

	public boolean isMother() {
		return this.role == VolunteerRole.MOTHER;
	}

	public boolean isReserve() {
		return this.role == VolunteerRole.RESERVE;
	}

	void update(Federation federation, Station station, VolunteerParameters record) {
		placeIn(federation);
		this.station = station;
		this.role = record.role();
		this.name = record.name();
		this.gender = record.gender();
		this.birthDate = record.birthDate();
		this.workUnit = record.workUnit();
		this.occupation = record.occupation();
		this.skills.clear();
		this.skills.addAll(record.skills());
	}

	void setIdentity(String cipher, String index, String masked) {
		this.idNumberCipher = cipher;
		this.idNumberIndex = index;
		this.idNumberMasked = masked;
	}

	void setPhone(String phone) {
		this.phone = phone;
	}

	/** Takes a lifecycle step already checked by {@link VolunteerLifecycle}. */
	void moveTo(VolunteerStatus to, LocalDate oathDate, String note) {
		switch (to) {
			case SCREENED -> {
				this.interviewDone = true;
				this.referencesChecked = true;
				this.noCriminalRecord = true;
			}
			case ACTIVE -> {
				if (this.oathDate == null) {
					this.oathDate = oathDate;
				}
				this.statusReason = null;
			}
			case SUSPENDED, WITHDRAWN -> this.statusReason = note.trim();
			default -> {
			}
		}
		this.status = to;
	}

	/** Whether the three screening checks were done. */
	public boolean isScreened() {
		return this.interviewDone && this.referencesChecked && this.noCriminalRecord;
	}

	/**
	 * A reserve takes over as a caring mother (her conditions already checked): active,
	 * and no longer backing anyone.
	 */
	void becomeMother() {
		this.role = VolunteerRole.MOTHER;
		this.status = VolunteerStatus.ACTIVE;
		this.statusReason = null;
		this.mothers.clear();
	}

	void linkAccount(Long accountId) {
		this.accountId = accountId;
	}

	void back(Volunteer mother) {
		this.mothers.add(mother);
	}

	void stopBacking(Volunteer mother) {
		this.mothers.remove(mother);
	}

}
