package io.heartbeat.alert.band;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The compact binary form of a {@link BandState}: big-endian fields in declaration order, arrays length-prefixed. */
final class BandCodec {

  private BandCodec() {
  }

  static byte[] write(BandState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(6144);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(state.version());
      BandSettings settings = state.settings();
      out.writeDouble(settings.sensitivity());
      out.writeInt(settings.minHistoryWindows());
      out.writeLong(settings.periodSeconds());
      out.writeByte(settings.seasonality().ordinal());
      out.writeInt(settings.shiftWindows());
      out.writeBoolean(settings.waitForWeek());
      out.writeLong(state.learned());
      out.writeDouble(state.spread());
      out.writeInt(state.models().size());
      for (BandState.ModelState model : state.models()) {
        out.writeByte(model.model().ordinal());
        writeSlots(out, model.profile());
        out.writeDouble(model.offset());
        out.writeDouble(model.error());
        out.writeDouble(model.tailAbove());
        out.writeDouble(model.tailBelow());
        out.writeLong(model.samples());
        out.writeInt(model.streak());
        out.writeInt(model.runLength());
        out.writeInt(model.run().length);
        for (float residual : model.run()) {
          out.writeFloat(residual);
        }
      }
      writeSlots(out, state.factors());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static BandState read(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int version = in.readInt();
      if (version != BandState.VERSION && version != 1) {
        throw new IllegalArgumentException("version " + version + " is not " + BandState.VERSION);
      }
      BandSettings settings = new BandSettings(in.readDouble(), in.readInt(), in.readLong(),
          Seasonality.values()[in.readByte()], in.readInt(), in.readBoolean());
      long learned = in.readLong();
      double spread = in.readDouble();
      int count = in.readInt();
      List<BandState.ModelState> models = new ArrayList<>(count);
      for (int m = 0; m < count; m++) {
        Model model = Model.values()[in.readByte()];
        BandState.Slots profile = readSlots(in);
        double offset = in.readDouble();
        double error = in.readDouble();
        double above = in.readDouble();
        double below = in.readDouble();
        long samples = in.readLong();
        int streak = in.readInt();
        int runLength = in.readInt();
        float[] run = new float[in.readInt()];
        for (int i = 0; i < run.length; i++) {
          run[i] = in.readFloat();
        }
        if (version == 1) {
          // Version 1 kept the tails as absolute sigmas; version 2 keeps them relative to the model's sigma.
          above = error > 0 ? Math.max(1, above / error) : 1;
          below = error > 0 ? Math.max(1, below / error) : 1;
        }
        models.add(new BandState.ModelState(model, profile, offset, error, above, below, samples, streak, run,
            runLength));
      }
      return new BandState(BandState.VERSION, settings, learned, spread, models, readSlots(in));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("unreadable band state: " + e.getMessage(), e);
    }
  }

  private static void writeSlots(DataOutputStream out, BandState.Slots slots) throws IOException {
    out.writeInt(slots.means().length);
    for (int i = 0; i < slots.means().length; i++) {
      out.writeFloat(slots.means()[i]);
      out.writeShort(slots.counts()[i]);
      out.writeByte(slots.misses()[i]);
    }
  }

  private static BandState.Slots readSlots(DataInputStream in) throws IOException {
    int n = in.readInt();
    BandState.Slots slots = new BandState.Slots(new float[n], new short[n], new byte[n]);
    for (int i = 0; i < n; i++) {
      slots.means()[i] = in.readFloat();
      slots.counts()[i] = in.readShort();
      slots.misses()[i] = in.readByte();
    }
    return slots;
  }
}
