package org.caringmothers.child;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.BatchSize;
import org.caringmothers.common.Gender;
import org.caringmothers.federation.Federation;
import org.caringmothers.federation.FederationRecord;

/** A child in the programme. */
@Entity
@Table(name = "child")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Child extends FederationRecord {

	private String name;

	@Enumerated(EnumType.STRING)
	private Gender gender;

	private LocalDate birthDate;

	@Getter(AccessLevel.PACKAGE)
	private String idNumberCipher;

	@Getter(AccessLevel.PACKAGE)
	private String idNumberIndex;

	private String idNumberMasked;

	@ElementCollection(fetch = FetchType.EAGER)
	@BatchSize(size = 100)
	@CollectionTable(name = "child_category", joinColumns = @JoinColumn(name = "child_id"))
	@Column(name = "category")
	@Enumerated(EnumType.STRING)
	private Set<ChildCategory> categories = EnumSet.noneOf(ChildCategory.class);

	@Enumerated(EnumType.STRING)
	private ParentsSituation parentsSituation;

	private String parentsWorkPlace;

	private String school;

	private String grade;

	private String address;

	@ElementCollection
	@BatchSize(size = 100)
	@CollectionTable(name = "child_guardian", joinColumns = @JoinColumn(name = "child_id"))
	@OrderColumn(name = "position")
	private List<Guardian> guardians = new ArrayList<>();

	private String healthNotes;

	private boolean healthShareable;

	@Enumerated(EnumType.STRING)
	private RiskLevel riskLevel;

	private LocalDate consentDate;

	private String consentBy;

	private String consentScope;

	@Enumerated(EnumType.STRING)
	private ChildStatus status = ChildStatus.ACTIVE;

	private String statusReason;

	private Instant statusChangedAt;

	private LocalDate consentWithdrawnOn;

	private Instant anonymisedAt;

	Child(Long createdBy) {
		super(createdBy);
	}

	/** Age in whole years on the given day. */
	public int ageOn(LocalDate day) {
		return Period.between(this.birthDate, day).getYears();
	}

	public boolean hasIdNumber() {
		return this.idNumberCipher != null;
	}

	void setIdentity(String cipher, String index, String masked) {
		this.idNumberCipher = cipher;
		this.idNumberIndex = index;
		this.idNumberMasked = masked;
	}

	void update(Federation federation, ChildParameters record) {
		placeIn(federation);
		this.name = record.name();
		this.gender = record.gender();
		this.birthDate = record.birthDate();
		this.categories.clear();
		this.categories.addAll(record.categories());
		this.parentsSituation = record.parentsSituation();
		this.parentsWorkPlace = record.parentsWorkPlace();
		this.school = record.school();
		this.grade = record.grade();
		this.address = record.address();
		this.guardians.clear();
		for (ChildParameters.GuardianParameters guardian : record.guardians()) {
			this.guardians.add(new Guardian(guardian.name(), guardian.relation(), guardian.phone()));
		}
		this.healthNotes = record.healthNotes();
		this.healthShareable = record.healthShareable();
		this.riskLevel = record.riskLevel();
		this.consentDate = record.consentDate();
		this.consentBy = record.consentBy();
		this.consentScope = record.consentScope();
	}

	void changeStatus(ChildStatus status, String reason, Instant at) {
		this.status = status;
		this.statusReason = reason;
		this.statusChangedAt = at;
	}

	/** Whether the record's personal data was erased under the retention rules. */
	public boolean isAnonymised() {
		return this.anonymisedAt != null;
	}

	void withdrawConsent(LocalDate on) {
		this.consentWithdrawnOn = on;
	}

	/**
	 * Empties every field that names or locates the child or her family; keeps what the
	 * figures count (federation, gender, birth date, categories, risk, status and dates).
	 * The name becomes the record's number.
	 */
	void anonymise(Instant at) {
		this.name = "#" + getId();
		this.idNumberCipher = null;
		this.idNumberIndex = null;
		this.idNumberMasked = null;
		this.parentsWorkPlace = null;
		this.school = null;
		this.grade = null;
		this.address = null;
		this.guardians.clear();
		this.healthNotes = null;
		this.consentBy = null;
		this.consentScope = null;
		if (this.statusReason != null) {
			this.statusReason = "-";
		}
		this.anonymisedAt = at;
	}

}
