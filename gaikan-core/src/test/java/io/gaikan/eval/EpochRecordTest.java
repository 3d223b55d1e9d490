package io.gaikan.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpochRecordTest {

    private static Map<String, Double> tasks(double defect, double lighting) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("defect", defect);
        m.put("lighting", lighting);
        return m;
    }

    private static List<EpochRecord> history() {
        return List.of(
                new EpochRecord(1, "transfer", 0.6931471805599453, 0.5, 0.7, 0.48, 1e-3, 3.25, tasks(0.61, Double.NaN)),
                new EpochRecord(2, "transfer", 0.41, 0.8125, 0.45, 0.79, 1e-3, 3.5, tasks(0.7, 0.3)),
                new EpochRecord(3, "finetune", 0.1 / 3, 0.96875, Double.NaN, Double.NaN, 1e-4, 7.0, tasks(0.9, 0.55)));
    }

    @Test
    void historyRoundTripsBitExactlyIncludingNaNAndTaskColumns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.csv");
        EpochRecord.writeCsv(file, history());
        List<String> lines = Files.readAllLines(file);
        assertEquals("epoch,phase,train_loss,train_acc,val_loss,val_acc,lr,seconds,defect_acc,lighting_acc", lines.get(0));
        assertEquals("3,finetune,0.03333333333333333,0.96875,,,1.0E-4,7.0,0.9,0.55", lines.get(3));
        List<EpochRecord> back = EpochRecord.readCsv(file);
        assertEquals(history(), back); // record equals compares doubles bit-wise, NaN == NaN
        assertTrue(Double.isNaN(back.get(0).taskAccuracy().get("lighting")));
        assertEquals(List.of("defect", "lighting"), List.copyOf(back.get(2).taskAccuracy().keySet()));
    }

    @Test
    void appendingEpochByEpochGivesTheSameFileAsWritingAtOnce(@TempDir Path dir) throws IOException {
        Path whole = dir.resolve("whole.csv");
        Path appended = dir.resolve("appended.csv");
        EpochRecord.writeCsv(whole, history());
        for (EpochRecord r : history()) {
            EpochRecord.appendCsv(appended, r);
        }
        assertEquals(Files.readString(whole), Files.readString(appended));
    }

    @Test
    void historyWithoutTasksHasOnlyTheFixedColumns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.csv");
        List<EpochRecord> plain = List.of(new EpochRecord(1, "scratch", 1.2, 0.4, 1.3, 0.35, 0.01, 1.5));
        EpochRecord.writeCsv(file, plain);
        assertEquals(String.join(",", EpochRecord.FIXED_COLUMNS), Files.readAllLines(file).get(0));
        assertEquals(plain, EpochRecord.readCsv(file));
        assertTrue(plain.get(0).hasValidation());
    }

    @Test
    void badInputGivesOneLineErrorsNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.csv");
        Files.writeString(file, "epoch,loss\n1,0.5\n");
        IOException header = assertThrows(IOException.class, () -> EpochRecord.readCsv(file));
        assertTrue(header.getMessage().startsWith(file.toString()), header.getMessage());

        Files.writeString(file, String.join(",", EpochRecord.FIXED_COLUMNS) + "\n1,train,0.5,0.5,,,0.1,1\n2,train,oops,0.5,,,0.1,1\n");
        IOException row = assertThrows(IOException.class, () -> EpochRecord.readCsv(file));
        assertTrue(row.getMessage().contains("history.csv:3"), row.getMessage());

        assertThrows(IllegalArgumentException.class, () -> new EpochRecord(0, "train", 0, 0, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EpochRecord(1, "warmup", 0, 0, 0, 0, 0, 0));
    }
}
