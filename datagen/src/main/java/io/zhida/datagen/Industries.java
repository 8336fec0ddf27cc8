package io.zhida.datagen;

import java.util.List;
import java.util.SplittableRandom;

/**
 * GB/T 4754-2017 classes the demo city's enterprises fall in, weighted roughly like a
 * mid-sized Chinese manufacturing city's register.
 */
final class Industries {

    record IndustryClass(String code, String name, String nameWord, int weight) {
        String section() {
            return code.substring(0, 1);
        }
    }

    static final List<IndustryClass> CLASSES = List.of(
            new IndustryClass("A0111", "稻谷种植", "农业", 8),
            new IndustryClass("A0141", "蔬菜种植", "农业", 10),
            new IndustryClass("A0313", "猪的饲养", "养殖", 6),
            new IndustryClass("A0511", "农业机械活动", "农机", 3),
            new IndustryClass("B1011", "石灰石、石膏开采", "矿业", 2),
            new IndustryClass("C1311", "稻谷加工", "粮油", 6),
            new IndustryClass("C1391", "淀粉及淀粉制品制造", "食品", 4),
            new IndustryClass("C1495", "食品及饲料添加剂制造", "食品", 4),
            new IndustryClass("C1512", "白酒制造", "酒业", 4),
            new IndustryClass("C1713", "棉印染精加工", "纺织", 3),
            new IndustryClass("C1811", "运动机织服装制造", "服饰", 5),
            new IndustryClass("C2110", "木质家具制造", "家居", 4),
            new IndustryClass("C2641", "涂料制造", "化工", 3),
            new IndustryClass("C2710", "化学药品原料药制造", "药业", 3),
            new IndustryClass("C2927", "日用塑料制品制造", "塑业", 4),
            new IndustryClass("C3021", "水泥制品制造", "建材", 4),
            new IndustryClass("C3130", "钢压延加工", "钢材", 2),
            new IndustryClass("C3311", "金属结构制造", "金属", 5),
            new IndustryClass("C3484", "机械零部件加工", "机械", 6),
            new IndustryClass("C3511", "矿山机械制造", "重工", 2),
            new IndustryClass("C3670", "汽车零部件及配件制造", "汽配", 5),
            new IndustryClass("C3841", "锂离子电池制造", "新能源", 3),
            new IndustryClass("C3825", "光伏设备及元器件制造", "光伏", 2),
            new IndustryClass("C3911", "计算机整机制造", "电子", 2),
            new IndustryClass("C3976", "光电子器件制造", "光电", 3),
            new IndustryClass("C3982", "电子电路制造", "电路", 3),
            new IndustryClass("C4011", "工业自动控制系统装置制造", "智控", 2),
            new IndustryClass("D4411", "火力发电", "电力", 1),
            new IndustryClass("D4610", "自来水生产和供应", "水务", 1),
            new IndustryClass("E4710", "住宅房屋建筑", "建筑", 10),
            new IndustryClass("E4813", "市政道路工程建筑", "路桥", 5),
            new IndustryClass("E4999", "其他房屋建筑业", "建设", 4),
            new IndustryClass("F5123", "果品、蔬菜批发", "果蔬", 10),
            new IndustryClass("F5174", "五金产品批发", "五金", 8),
            new IndustryClass("F5211", "百货零售", "百货", 14),
            new IndustryClass("F5212", "超级市场零售", "超市", 12),
            new IndustryClass("F5261", "汽车新车零售", "汽车", 5),
            new IndustryClass("G5430", "道路货物运输", "物流", 10),
            new IndustryClass("G5911", "通用仓储", "仓储", 3),
            new IndustryClass("G6010", "邮政基本服务", "邮递", 1),
            new IndustryClass("H6110", "旅游饭店", "酒店", 4),
            new IndustryClass("H6210", "正餐服务", "餐饮", 18),
            new IndustryClass("H6241", "餐饮配送服务", "配餐", 4),
            new IndustryClass("I6311", "固定电信服务", "通信", 1),
            new IndustryClass("I6421", "互联网搜索服务", "网络", 1),
            new IndustryClass("I6511", "基础软件开发", "软件", 3),
            new IndustryClass("I6513", "应用软件开发", "软件", 6),
            new IndustryClass("I6531", "信息技术咨询服务", "信息", 4),
            new IndustryClass("I6550", "信息处理和存储支持服务", "数据", 2),
            new IndustryClass("K7010", "房地产开发经营", "置业", 4),
            new IndustryClass("K7020", "物业管理", "物业", 5),
            new IndustryClass("L7111", "汽车租赁", "租赁", 2),
            new IndustryClass("L7212", "投资与资产管理", "投资", 4),
            new IndustryClass("L7281", "科技会展服务", "会展", 2),
            new IndustryClass("M7320", "工程和技术研究和试验发展", "研究院", 2),
            new IndustryClass("M7484", "工程设计活动", "设计", 3),
            new IndustryClass("M7520", "科技中介服务", "科技", 3),
            new IndustryClass("N7721", "水污染治理", "环保", 1),
            new IndustryClass("O8010", "家庭服务", "家政", 4),
            new IndustryClass("O8111", "汽车修理与维护", "汽修", 5),
            new IndustryClass("P8336", "职业技能培训", "培训", 2),
            new IndustryClass("Q8421", "社区卫生服务中心（站）", "健康", 1),
            new IndustryClass("R8710", "文艺创作与表演", "文化", 2),
            new IndustryClass("R9011", "文化娱乐经纪人", "文娱", 1));

    private static final int TOTAL_WEIGHT = CLASSES.stream().mapToInt(IndustryClass::weight).sum();

    private Industries() {
    }

    static IndustryClass pick(SplittableRandom random) {
        int ticket = random.nextInt(TOTAL_WEIGHT);
        for (IndustryClass c : CLASSES) {
            ticket -= c.weight();
            if (ticket < 0) {
                return c;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }
}
