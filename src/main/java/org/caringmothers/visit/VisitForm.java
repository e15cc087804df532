package org.caringmothers.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.caringmothers.common.validation.PlainText;

import static org.caringmothers.common.validation.Texts.trimToNull;
import org.caringmothers.need.NeedCategory;
import org.caringmothers.need.NeedForm;
import org.caringmothers.need.Urgency;
import org.caringmothers.common.web.VersionedForm;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * "记录关爱": the contact form a mother fills on her phone. The token is made when the form
 * is shown and makes sending it twice record one contact.
 */
@Getter
@Setter
public class VisitForm extends VersionedForm {

	static final int GIFT_ROWS = 2;

	@NotNull
	@PastOrPresent
	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate visitDate;

	@NotNull
	private ContactMode mode;

	@NotNull
	@Min(1)
	@Max(600)
	private Integer durationMinutes;

	@NotEmpty
	private Set<CareType> careTypes = EnumSet.noneOf(CareType.class);

	@Valid
	private List<GiftForm> gifts = new ArrayList<>();

	@NotNull
	private ChildMood childMood;

	@Size(max = 1000)
	@PlainText
	private String notes;

	/** An optional new need (急难愁盼) found on this contact. */
	private NeedCategory needCategory;

	private Urgency needUrgency;

	@Size(max = 500)
	@PlainText
	private String needDescription;

	/** Up to three photos (JPEG or PNG, 10 MB each at most). */
	private List<MultipartFile> photos = new ArrayList<>();

	/** Photos of the entry being corrected that she removes. */
	@Size(max = PhotoStore.MAX_PHOTOS)
	private List<Long> removePhotos = new ArrayList<>();

	@NotNull
	@Size(min = 8, max = 64)
	private String clientToken;

	public VisitForm() {
		padGifts();
	}

	public void padGifts() {
		while (this.gifts.size() < GIFT_ROWS) {
			this.gifts.add(new GiftForm());
		}
	}

	boolean hasNeed() {
		return this.needCategory != null || (this.needDescription != null && !this.needDescription.isBlank());
	}

	NeedForm need() {
		NeedForm need = new NeedForm();
		need.setCategory(this.needCategory);
		need.setUrgency(this.needUrgency != null ? this.needUrgency : Urgency.MEDIUM);
		need.setDescription(this.needDescription);
		return need;
	}

	public static VisitForm of(Visit visit) {
		VisitForm form = new VisitForm();
		form.setVisitDate(visit.getVisitDate());
		form.setMode(visit.getMode());
		form.setDurationMinutes(visit.getDurationMinutes());
		form.setCareTypes(
				visit.getCareTypes().isEmpty() ? EnumSet.noneOf(CareType.class) : EnumSet.copyOf(visit.getCareTypes()));
		List<GiftForm> gifts = new ArrayList<>();
		for (Gift gift : visit.getGifts()) {
			GiftForm row = new GiftForm();
			row.setItem(gift.getItem());
			row.setValue(gift.getValue());
			gifts.add(row);
		}
		form.setGifts(gifts);
		form.padGifts();
		form.setChildMood(visit.getChildMood());
		form.setNotes(visit.getNotes());
		form.setClientToken(visit.getClientToken());
		form.setVersion(visit.getVersion());
		return form;
	}

	/** What the service hands to the contact: trimmed, only the filled gift rows. */
	VisitParameters toParameters() {
		return new VisitParameters(this.visitDate, this.mode, this.durationMinutes, this.childMood,
				trimToNull(this.notes), Set.copyOf(this.careTypes),
				this.gifts.stream()
					.filter(GiftForm::isFilled)
					.map(gift -> new VisitParameters.GiftParameters(gift.getItem().trim(), gift.getValue()))
					.toList());
	}

}
