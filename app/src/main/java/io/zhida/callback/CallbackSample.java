package io.zhida.callback;

import java.time.Instant;
import java.time.LocalDate;

/** One transaction drawn for a call-back, and what the enterprise said. */
public record CallbackSample(long id, LocalDate day, Source source, long refId, String refNumber, String uscc, String enterpriseName,
                             String region, String itemCode, String phone, Status status, String operator, Boolean resolved, Integer stars,
                             String note, Long problemId, Instant answeredAt) {

    /** What was done for the enterprise, and the operator's script for it. */
    public enum Source {
        APPLICATION("政策申报", "您好，这里是惠企政策回访中心。您单位近期办理的政策申报（编号 %s）已办结，请问结果是否已收到？对办理时效和服务态度是否满意？还有什么意见建议？"),
        ASSISTANCE("帮办代办", "您好，这里是惠企政策回访中心。政策专员近期为您单位帮办了申报（编号 %s），请问专员是否主动联系、材料准备是否顺利？对帮办服务是否满意？"),
        DEMAND("帮包诉求", "您好，这里是惠企政策回访中心。您单位向帮包联系人提出的诉求（编号 %s）已办结，请问问题是否真正解决？对响应速度和办理结果是否满意？"),
        CONTACT("帮包走访", "您好，这里是惠企政策回访中心。近期帮包联系人到您单位走访或联系过，请问是否属实？有没有需要协调解决的困难？");

        private final String label;
        private final String script;

        Source(String label, String script) {
            this.label = label;
            this.script = script;
        }

        public String label() {
            return label;
        }

        public String script(String refNumber) {
            return script.formatted(refNumber == null ? "—" : refNumber);
        }
    }

    public enum Status {
        PENDING("待回访"), REACHED("已回访"), UNREACHED("未接通"), REFUSED("拒绝回访");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String script() {
        return source.script(refNumber);
    }

    /** A county's daily quota of call-backs. */
    public record Quota(String region, String name, int daily) {
    }
}
