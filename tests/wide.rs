//! Wide tables as offices export them (GBK/CRLF, UTF-8 with a BOM, tab-separated, regions as
//! columns, and workbooks written by a spreadsheet writer), each read to the same table as its
//! long-format twin in tests/data/wide/.

use tongji::{CsvOptions, Table, WideOptions};

const GBK_CRLF: &[u8] = include_bytes!("data/wide/monthly_gbk_crlf.csv");
const UTF8_BOM: &[u8] = include_bytes!("data/wide/monthly_utf8_bom.csv");
const TSV: &[u8] = include_bytes!("data/wide/monthly.tsv");
const LONG: &[u8] = include_bytes!("data/wide/monthly_long.csv");
const REGIONS: &[u8] = include_bytes!("data/wide/regions.csv");
const REGIONS_LONG: &[u8] = include_bytes!("data/wide/regions_long.csv");

/// Every observation as text: region, indicator code, period, value, published growth, target.
fn rows(table: &Table) -> Vec<[String; 6]> {
    let mut rows: Vec<[String; 6]> = table
        .iter()
        .map(|o| {
            [
                o.region().to_string(),
                o.indicator().code().to_string(),
                o.period().to_string(),
                o.value().to_string(),
                o.yoy().map(|r| r.to_string()).unwrap_or_default(),
                o.target().map(|t| t.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    rows.sort();
    rows
}

fn long_twin(csv: &[u8]) -> Vec<[String; 6]> {
    let (table, bad) = Table::read_csv(csv).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    rows(&table)
}

fn wide(bytes: &[u8]) -> Table {
    let (table, bad) = Table::read_wide_csv(bytes, &WideOptions::new()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    table
}

#[test]
fn the_monthly_report_in_every_encoding_reads_as_its_long_twin() {
    let expected = long_twin(LONG);
    assert_eq!(expected.len(), 22);
    assert!(
        String::from_utf8(GBK_CRLF.to_vec()).is_err(),
        "the golden file is really GBK"
    );
    #[cfg(feature = "gbk")]
    assert_eq!(rows(&wide(GBK_CRLF)), expected, "GBK/CRLF");
    for (name, bytes) in [("UTF-8 BOM", UTF8_BOM), ("TSV", TSV)] {
        assert_eq!(rows(&wide(bytes)), expected, "{name}");
    }
}

#[test]
fn the_monthly_report_gives_the_report_figures() {
    let t = wide(UTF8_BOM);
    let p = "2023年1—10月".parse().unwrap();
    let growth = |i: &str| t.growth("XX县", i, &p).unwrap().to_string();
    assert_eq!(growth("固定资产投资"), "增长6.6%");
    assert_eq!(growth("全社会用电量"), "增长3.7%");
    assert_eq!(
        t.completion("XX县", "社会消费品零售总额", &p)
            .unwrap()
            .to_string(),
        "81.9%"
    );
    // The footnote gives GDP its own period.
    let q3 = "2023年前三季度".parse().unwrap();
    assert_eq!(
        t.growth("XX县", "gdp", &q3).unwrap().to_string(),
        "增长5.6%"
    );
    assert!(t.get("XX县", "gdp", &p).is_none());
    // 其中：工业投资 is the catalog's 工业投资, a part of 固定资产投资.
    let share = t.share_of_parent("XX县", "工业投资", &p).unwrap();
    assert_eq!(share.to_string(), "35.0%"); // 16520 / 47149
}

#[test]
fn regions_as_columns_read_as_their_long_twin() {
    let table = wide(REGIONS);
    assert_eq!(rows(&table), long_twin(REGIONS_LONG));
    let layout = Table::inspect_wide_csv(REGIONS, &WideOptions::new()).unwrap();
    assert_eq!(
        layout.to_string(),
        "header: line 3\nregion: XX县 (from the title)\nperiod: 2023年1—10月 (from the title)\nunit: 万元 (from the title)\n指标名称 → indicator\n甲镇 → region 甲镇\n乙乡 → region 乙乡\n丙乡 → region 丙乡\n合计 → region XX县\n"
    );
}

#[test]
fn the_layout_says_how_each_column_was_read() {
    let layout = Table::inspect_wide_csv(UTF8_BOM, &WideOptions::new()).unwrap();
    assert_eq!(
        layout.to_string(),
        "header: line 2
region: XX县 (from the title)
period: 2023年1—10月 (from the title)
指标名称 → indicator
计量单位 → unit
本月 → value of 2023年10月
1-本月累计 → value of 2023年1—10月
上年同期累计 → value of 2022年1—10月
累计增长(%) → published growth of 2023年1—10月
年度目标 → target
完成年度目标% → published 完成率 (checked against value and target)
footnote: 地区生产总值 is of 2023年前三季度
"
    );
    // Options win over the title.
    let o = WideOptions::new()
        .region("示例县")
        .period("2023年1—9月".parse().unwrap());
    let layout = Table::inspect_wide_csv(UTF8_BOM, &o).unwrap();
    assert_eq!(layout.region(), Some("示例县"));
    assert!(layout.to_string().contains("本月 → value of 2023年9月\n"));
}

#[test]
fn a_header_nothing_maps_names_the_cells_and_the_names_accepted() {
    let csv = "2023年报表\n名称甲,名称乙\n1,2\n";
    let err = Table::read_wide_csv(csv.as_bytes(), &WideOptions::new()).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"line 1: missing column 指标名称/指标/项目 beside value columns (本月, 1-本月累计, 上年同期, 同比增长(%), 年度目标, 完成率) or regions in the header "2023年报表 / 名称甲,名称乙 / 1,2""#
    );
    let no_period = "指标名称,累计\n社零,1万元\n";
    let err = Table::read_wide_csv(no_period.as_bytes(), &WideOptions::new().region("示例县"))
        .unwrap_err();
    assert!(
        err.to_string().contains("name it with WideOptions::period"),
        "{err}"
    );
}

#[test]
fn bad_cells_are_located_and_the_good_rows_kept() {
    let csv = "XX县2023年1-10月主要经济指标\n\
        指标名称,计量单位,1-本月累计,上年同期累计,累计增长(%),年度目标,完成年度目标%\n\
        固定资产投资,万元,47149,45695,6.6,56000,85.0\n\
        社会消费品零售总额,万元,X,17563,7.2,,\n\
        全社会用电量,亿元,3.5,3.4,,,\n\
        一般公共预算收入,万元,6739,6410,abc,,\n\
        接待游客,万人次,—,66.36,,,\n\
        ,万元,120,,,,\n\
        注册市场主体,户,1520,1380,,,\n";
    let (t, bad) = Table::read_wide_csv(csv.as_bytes(), &WideOptions::new()).unwrap();
    let found: Vec<String> = bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        found,
        [
            "line 3, column 完成年度目标%: published 完成率 85.0% is not what 47149万元 / 56000万元 gives (84.2%)",
            r#"line 4, column 1-本月累计: "X" is a placeholder, not a figure"#,
            "line 5, column 1-本月累计: unit mismatch: 元 and 千瓦时 cannot be combined",
            "line 5, column 上年同期累计: unit mismatch: 元 and 千瓦时 cannot be combined",
            r#"line 6, column 累计增长(%): cannot parse "abc" as a rate: expected a number (at byte 0)"#,
            "line 8, column 指标名称: the indicator name of a row with figures is empty",
        ]
    );
    // The figures of the bad rows that were good are kept; a figure marked — is not published.
    let p: tongji::Period = "2023年1—10月".parse().unwrap();
    assert!(t.get("XX县", "fai", &p).is_some());
    assert!(
        t.get("XX县", "retail", &p.same_period_last_year().unwrap())
            .is_some()
    );
    assert!(t.get("XX县", "budget_revenue", &p).is_some());
    assert!(t.get("XX县", "tourists", &p).is_none());
    // An indicator whose name begins like a footnote (注…) is an indicator.
    assert!(t.get("XX县", "注册市场主体", &p).is_some());
    // Strict mode stops at the first.
    let err = Table::read_wide_csv(csv.as_bytes(), &WideOptions::new().strict(true)).unwrap_err();
    assert_eq!(err.kind(), tongji::ErrorKind::Inconsistent);
}

#[test]
fn units_come_from_the_row_the_header_the_title_or_the_indicator() {
    let csv = "XX县2023年1-10月\n单位：万元\n\
        指标名称,本月(亿元),1-本月累计\n\
        一般公共预算收入,0.0612,6739\n\
        全社会用电量(万千瓦时),3620,35210\n\
        社零,,1.8829亿\n";
    let (t, bad) = Table::read_wide_csv(csv.as_bytes(), &WideOptions::new()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let value = |i: &str, p: &str| {
        t.get("XX县", i, &p.parse().unwrap())
            .unwrap()
            .value()
            .to_string()
    };
    assert_eq!(value("budget_revenue", "2023年10月"), "0.0612亿元"); // the header's
    assert_eq!(value("budget_revenue", "2023年1—10月"), "6739万元"); // the title's
    assert_eq!(value("electricity", "2023年10月"), "3620万千瓦时"); // the name's
    assert_eq!(value("retail", "2023年1—10月"), "1.8829亿元"); // the indicator's unit
}

#[test]
fn two_row_headers_take_the_period_from_the_merged_cell_above() {
    let csv = "XX县2023年主要指标\n\
        指标名称,计量单位,1-10月,,\n\
        ,,本年,上年,增长%\n\
        社会消费品零售总额,万元,18829,17563,7.2\n";
    let (t, bad) = Table::read_wide_csv(csv.as_bytes(), &WideOptions::new()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    let p = "2023年1—10月".parse().unwrap();
    assert_eq!(
        t.growth("XX县", "retail", &p).unwrap().to_string(),
        "增长7.2%"
    );
    assert!(
        t.get("XX县", "retail", &"2022年1—10月".parse().unwrap())
            .is_some()
    );
}

#[test]
fn semicolons_are_sniffed_and_a_named_delimiter_wins() {
    let csv = "指标名称;1-本月累计\n社零;18829万元\n";
    let o = WideOptions::new()
        .region("示例县")
        .period("2023年1—10月".parse().unwrap());
    assert_eq!(Table::read_wide_csv(csv.as_bytes(), &o).unwrap().0.len(), 1);
    let long = "地区;指标;时期;数值\n示例县;社零;2023年;1万元\n";
    assert_eq!(Table::read_csv(long.as_bytes()).unwrap().0.len(), 1);
    let err = Table::read_csv_with(long.as_bytes(), &CsvOptions::new().delimiter(b','));
    assert!(err.unwrap_err().to_string().contains("missing column"));
}

#[cfg(feature = "xlsx")]
mod workbooks {
    use super::*;
    use rust_xlsxwriter::{Format, Workbook};

    /// The monthly report of the CSV golden files, as a workbook: a merged title, levels at "0",
    /// 74.20 at "0.00", growth at "0.0", 完成率 as fractions at "0.0%".
    fn write_monthly(path: &std::path::Path, extra: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("10月").unwrap();
        let title = Format::new();
        sheet
            .merge_range(0, 0, 0, 7, "XX县2023年1-10月主要经济指标完成情况", &title)
            .unwrap();
        let header = [
            "指标名称",
            "计量单位",
            "本月",
            "1-本月累计",
            "上年同期累计",
            "累计增长(%)",
            "年度目标",
            "完成年度目标%",
        ];
        for (c, h) in header.iter().enumerate() {
            sheet.write_string(1, c as u16, *h).unwrap();
        }
        let int = Format::new().set_num_format("0");
        let two = Format::new().set_num_format("0.00");
        let one = Format::new().set_num_format("0.0");
        let percent = Format::new().set_num_format("0.0%");
        type Row<'a> = (
            &'a str,
            &'a str,
            Option<f64>,
            f64,
            f64,
            f64,
            Option<f64>,
            Option<f64>,
        );
        let rows: [Row<'_>; 8] = [
            ("地区生产总值", "亿元", None, 98.62, 93.35, 5.6, None, None),
            (
                "固定资产投资(不含农户)",
                "万元",
                Some(5120.0),
                47149.0,
                45695.0,
                6.6,
                Some(56000.0),
                Some(0.842),
            ),
            (
                "  其中：工业投资",
                "万元",
                Some(1830.0),
                16520.0,
                15110.0,
                9.3,
                None,
                None,
            ),
            (
                "社会消费品零售总额",
                "万元",
                Some(2014.0),
                18829.0,
                17563.0,
                7.2,
                Some(23000.0),
                Some(0.819),
            ),
            (
                "一般公共预算收入",
                "万元",
                Some(612.0),
                6739.0,
                6410.0,
                5.1,
                Some(8500.0),
                Some(0.793),
            ),
            (
                "全社会用电量",
                "万千瓦时",
                Some(3620.0),
                35210.0,
                33950.0,
                3.7,
                None,
                None,
            ),
            (
                "金融机构人民币各项存款余额",
                "亿元",
                None,
                156.32,
                142.87,
                9.4,
                None,
                None,
            ),
            (
                "接待游客",
                "万人次",
                Some(8.6),
                74.2,
                66.36,
                11.8,
                None,
                None,
            ),
        ];
        for (i, (name, unit, month, cum, prev, yoy, target, rate)) in rows.iter().enumerate() {
            let r = i as u32 + 2;
            sheet.write_string(r, 0, *name).unwrap();
            sheet.write_string(r, 1, *unit).unwrap();
            let decimals =
                ["地区生产总值", "金融机构人民币各项存款余额", "接待游客"].contains(name);
            let level = if decimals { &two } else { &int };
            match month {
                Some(m) if *name == "接待游客" => {
                    sheet.write_number_with_format(r, 2, *m, &one).map(|_| ())
                }
                Some(m) => sheet.write_number_with_format(r, 2, *m, &int).map(|_| ()),
                None if r == 2 => sheet.write_string(r, 2, "—").map(|_| ()),
                None => Ok(()),
            }
            .unwrap();
            sheet.write_number_with_format(r, 3, *cum, level).unwrap();
            sheet.write_number_with_format(r, 4, *prev, level).unwrap();
            sheet.write_number_with_format(r, 5, *yoy, &one).unwrap();
            if let Some(t) = target {
                sheet.write_number_with_format(r, 6, *t, &int).unwrap();
            }
            if let Some(p) = rate {
                sheet.write_number_with_format(r, 7, *p, &percent).unwrap();
            }
        }
        sheet
            .write_string(11, 0, "注：地区生产总值为前三季度数据。")
            .unwrap();
        extra(sheet);
        book.save(path).unwrap();
    }

    fn temp(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("tongji-wide-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join(name)
    }

    #[test]
    fn the_monthly_report_as_a_workbook_reads_as_its_long_twin() {
        let path = temp("monthly.xlsx");
        write_monthly(&path, |_| {});
        let (table, bad) = Table::read_xlsx(&path, &WideOptions::new()).unwrap();
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(rows(&table), long_twin(LONG));
        let layout = Table::inspect_xlsx(&path, &WideOptions::new().sheet("10月")).unwrap();
        assert_eq!(layout.header_line(), 2);
    }

    #[test]
    fn bad_cells_name_the_sheet_and_cell() {
        let path = temp("bad.xlsx");
        write_monthly(&path, |sheet| {
            sheet.write_string(3, 3, "abc").unwrap(); // D4: 固定资产投资, 1-本月累计
            sheet.write_string(5, 5, "#DIV/0!").unwrap(); // F6: 社零, 累计增长
            let merged = Format::new();
            sheet.merge_range(8, 2, 8, 3, "", &merged).unwrap(); // C9:D9 over data
        });
        let (table, bad) = Table::read_xlsx(&path, &WideOptions::new()).unwrap();
        let found: Vec<String> = bad.iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                r#"sheet 10月, cell D4, column 1-本月累计: cannot parse "abc" as a quantity: expected a number (at byte 0)"#,
                r##"sheet 10月, cell F6, column 累计增长(%): cannot parse "#DIV/0!" as a figure: the cell holds a formula error, not a figure (at byte 0)"##,
                // The merge emptied D9, the level the published growth in F9 goes with.
                "sheet 10月, cell D9, column 1-本月累计: no level for the published growth or target of this row",
                "sheet 10月, cell C9: cannot read the workbook: cells C9:D9 are merged over the data; a figure there belongs to one cell",
            ]
        );
        assert!(!table.is_empty());
        let err = Table::read_xlsx(&path, &WideOptions::new().sheet("11月")).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"cannot read the workbook: no sheet named "11月"; the sheets are 10月"#
        );
    }

    #[test]
    fn a_long_sheet_reads_as_the_long_csv() {
        let path = temp("long.xlsx");
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet
            .merge_range(0, 0, 0, 5, "XX县主要指标（长表）", &Format::new())
            .unwrap();
        let text = std::str::from_utf8(LONG).unwrap();
        for (r, line) in text.lines().enumerate() {
            for (c, cell) in line.split(',').enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32 + 1, c as u16, cell).unwrap();
                }
            }
        }
        book.save(&path).unwrap();
        let (table, bad) = Table::read_xlsx_long(&path, &CsvOptions::new()).unwrap();
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(rows(&table), long_twin(LONG));
    }
}

/// Real published figures: 酉阳县 2025年一季度 经济运行情况 (酉阳县统计局, youyang.gov.cn,
/// 2025-05-22), typed into the 月报 layout with the spellings the release uses (城镇常住居民人均可支配
/// 收入, 农林牧渔总产值, 蔬菜及食用菌产量).
#[test]
fn a_real_quarterly_table_reads_against_the_built_in_catalog() {
    let csv = include_bytes!("data/wide/youyang_2025q1.csv");
    let (t, bad) = Table::read_wide_csv(csv.as_slice(), &WideOptions::new()).unwrap();
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(t.len(), 11);
    assert!(
        t.iter().all(|o| !o.indicator().is_ad_hoc()),
        "every spelling is in the catalog"
    );
    let q1 = "2025年一季度".parse().unwrap();
    assert_eq!(
        t.growth("酉阳县", "生猪出栏", &q1).unwrap().to_string(),
        "下降7.7%"
    );
    assert_eq!(
        t.growth("酉阳县", "urban_income", &q1).unwrap().to_string(),
        "增长5.2%"
    );
    // 5.32 + 11.49 + 40.01 = 56.82亿元: the three sectors make the GDP exactly.
    let audit = t.audit();
    assert_eq!(audit.count(tongji::audit::Verdict::Inconsistent), 0);
    assert_eq!(audit.count(tongji::audit::Verdict::Exact), 1, "{audit}");
}
