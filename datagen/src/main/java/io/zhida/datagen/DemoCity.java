package io.zhida.datagen;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo city 示范市: its counties and districts (GB/T 2260-style codes under 519900) and its
 * departments. Fixed data, so every start and every test sees the same organisations.
 */
public final class DemoCity {

    public static final String CITY_CODE = "519900";
    public static final String CITY_NAME = "示范市";

    public record Region(String code, String name, String shortName, String parentCode) {
    }

    /** kind: GOVERNMENT, SERVICE_CENTER (one-stop window), UTILITY (evaluated like a department). */
    public record Department(String code, String name, String regionCode, String kind) {
    }

    private static final List<Region> REGIONS = List.of(
            new Region(CITY_CODE, CITY_NAME, "示范", null),
            new Region("519902", "中心区", "中心", CITY_CODE),
            new Region("519903", "东城区", "东城", CITY_CODE),
            new Region("519904", "高新区", "高新", CITY_CODE),
            new Region("519921", "青山县", "青山", CITY_CODE),
            new Region("519922", "白水县", "白水", CITY_CODE),
            new Region("519923", "临江县", "临江", CITY_CODE),
            new Region("519981", "云峰市", "云峰", CITY_CODE));

    private static final String[][] CITY_DEPARTMENTS = {
            {"FGW", "市发展改革委", "GOVERNMENT"}, {"JXJ", "市经济和信息化局", "GOVERNMENT"},
            {"KJJ", "市科技局", "GOVERNMENT"}, {"CZJ", "市财政局", "GOVERNMENT"},
            {"RSJ", "市人力资源社会保障局", "GOVERNMENT"}, {"SWJ", "市商务局", "GOVERNMENT"},
            {"SCJGJ", "市市场监管局", "GOVERNMENT"}, {"SWUJ", "市税务局", "GOVERNMENT"},
            {"JRJ", "市金融工作局", "GOVERNMENT"}, {"NYNCJ", "市农业农村局", "GOVERNMENT"},
            {"WLJ", "市文化广电旅游局", "GOVERNMENT"}, {"ZJJ", "市住房城乡建设局", "GOVERNMENT"},
            {"JTJ", "市交通运输局", "GOVERNMENT"}, {"STHJJ", "市生态环境局", "GOVERNMENT"},
            {"ZRZYJ", "市自然资源局", "GOVERNMENT"}, {"JYJ", "市教育局", "GOVERNMENT"},
            {"GAJ", "市公安局", "GOVERNMENT"}, {"SFJ", "市司法局", "GOVERNMENT"},
            {"YBJ", "市医保局", "GOVERNMENT"}, {"YJJ", "市应急管理局", "GOVERNMENT"},
            {"TJJ", "市统计局", "GOVERNMENT"}, {"SJJ", "市数据局", "GOVERNMENT"},
            {"YSHJ", "市营商环境建设局", "GOVERNMENT"}, {"GJJ", "市公积金中心", "GOVERNMENT"},
            {"ZWFW", "市政务服务和资源交易中心", "SERVICE_CENTER"},
            {"GDGS", "国网示范供电公司", "UTILITY"}, {"RQGS", "示范燃气公司", "UTILITY"},
            {"GPS", "市供排水集团", "UTILITY"}};

    private DemoCity() {
    }

    public static List<Region> regions() {
        return REGIONS;
    }

    /** The counties and districts, without the city itself. */
    public static List<Region> counties() {
        return REGIONS.subList(1, REGIONS.size());
    }

    public static List<Department> departments() {
        List<Department> departments = new ArrayList<>();
        for (String[] d : CITY_DEPARTMENTS) {
            departments.add(new Department("C-" + d[0], d[1], CITY_CODE, d[2]));
        }
        for (Region county : counties()) {
            String prefix = county.code() + "-";
            departments.add(new Department(prefix + "JXJ", county.name() + "经济和信息化局", county.code(), "GOVERNMENT"));
            departments.add(new Department(prefix + "ZWFW", county.name() + "政务服务中心", county.code(), "SERVICE_CENTER"));
        }
        return List.copyOf(departments);
    }
}
