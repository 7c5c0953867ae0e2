package de.henk.hub.appointments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/appointments}: date "2026-06-15", time "10:30" (optional: the first free slot), type. */
public record AppointmentRequest(@Size(max = 36) String customerId, @NotBlank @Size(max = 10) String date,
                                 @Size(max = 5) String time, @NotBlank @Size(max = 30) String type,
                                 @Size(max = 1000) String notes) { }
