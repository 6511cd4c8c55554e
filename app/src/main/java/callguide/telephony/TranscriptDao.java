package callguide.telephony;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The SQL for transcripts. */
final class TranscriptDao {
    private final Jdbi jdbi;

    TranscriptDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** False when the line (by call and sequence) is already stored: a retried delivery. */
    boolean append(Handle h, java.util.UUID callId, TranscriptLine line) {
        return h.createUpdate("""
                INSERT INTO transcript_lines (call_id, sequence, speaker, text, spoken_at)
                VALUES (:call, :seq, :speaker, :text, :at) ON CONFLICT DO NOTHING""")
                .bind("call", callId).bind("seq", line.sequence()).bind("speaker", line.speaker())
                .bind("text", line.text()).bind("at", line.at()).execute() == 1;
    }

    /** One line, once its notice is heard; empty when it is gone (a staff-conduct call's lines are deleted). */
    java.util.Optional<TranscriptLine> line(UUID callId, long sequence) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT sequence, speaker, text, spoken_at AS at FROM transcript_lines WHERE call_id = :id AND sequence = :seq""")
                .bind("id", callId).bind("seq", sequence).map(ConstructorMapper.of(TranscriptLine.class)).findOne());
    }

    List<TranscriptLine> lines(UUID callId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT sequence, speaker, text, spoken_at AS at FROM transcript_lines WHERE call_id = :id ORDER BY sequence""")
                .bind("id", callId)
                .map(ConstructorMapper.of(TranscriptLine.class))
                .list());
    }
}
