package io.heartbeat.alert.band;

import java.time.Instant;

/** Cuts UTC time into the band's seasonal slots: a fine time-of-day slot, the hour of the day, the hour of the week. */
final class SlotClock {

  /** The finest time-of-day slot: 5 minutes keeps a day at 288 slots whatever the period. */
  static final long FINEST_SLOT_SECONDS = 300;
  static final int HOURS_PER_DAY = 24;
  static final int HOURS_PER_WEEK = 168;

  private final long daySlotSeconds;
  private final int daySlots;

  SlotClock(long periodSeconds, Seasonality seasonality) {
    if (seasonality == Seasonality.NONE) {
      daySlotSeconds = BandSettings.DAY;
    } else {
      long slot = Math.max(periodSeconds, FINEST_SLOT_SECONDS);
      while (BandSettings.DAY % slot != 0) {
        slot++;
      }
      daySlotSeconds = slot;
    }
    daySlots = (int) (BandSettings.DAY / daySlotSeconds);
  }

  int daySlots() {
    return daySlots;
  }

  Slots slots(Instant at) {
    return new Slots(daySlot(at), hourOfDay(at), hourOfWeek(at));
  }

  int daySlot(Instant at) {
    return (int) (Math.floorMod(at.getEpochSecond(), BandSettings.DAY) / daySlotSeconds);
  }

  int hourOfDay(Instant at) {
    return (int) (Math.floorMod(at.getEpochSecond(), BandSettings.DAY) / BandSettings.HOUR);
  }

  /** Hours since Thursday 00:00 UTC (the epoch's weekday): any fixed origin serves as long as it never changes. */
  int hourOfWeek(Instant at) {
    return (int) Math.floorMod(Math.floorDiv(at.getEpochSecond(), BandSettings.HOUR), (long) HOURS_PER_WEEK);
  }
}
