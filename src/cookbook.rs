//! # Cookbook
//!
//! Recipes for the figures report sentences print, each from a real sentence: the seeds the
//! project was built from (county work reports) and the national statistical communiqués
//! (国家统计局《中华人民共和国国民经济和社会发展统计公报》). Every recipe is a test.
//!
//! - [完成率 and 序时进度 of a 1—10月 figure](#完成率-and-序时进度-of-a-110月-figure)
//! - [A 1—10月 table read from CSV](#a-110月-table-read-from-csv)
//! - [三次产业结构](#三次产业结构)
//! - [两年平均增长](#两年平均增长)
//! - [拉动 and 贡献率](#拉动-and-贡献率)
//! - [增速提高 / 回落, 降幅收窄](#增速提高--回落-降幅收窄)
//! - [当月 from 累计](#当月-from-累计)
//! - [A township roll-up checked against the county](#a-township-roll-up-checked-against-the-county)
//! - [Ledger 完成率 excluding 延期](#ledger-完成率-excluding-延期)
//! - [均价 across units and magnitudes](#均价-across-units-and-magnitudes)
//! - [增长X倍 and 翻番](#增长x倍-and-翻番)
//! - [A GBK CSV from Excel or WPS](#a-gbk-csv-from-excel-or-wps)
//! - [JSON in and out](#json-in-and-out)
//! - [Matching an error by kind](#matching-an-error-by-kind)
//! - [A custom catalog entry](#a-custom-catalog-entry)
//! - [Half-even rounding (GB/T 8170)](#half-even-rounding-gbt-8170)
//!
//! ## 完成率 and 序时进度 of a 1—10月 figure
//!
//! > 1至10月预计出数46596万元，占年度任务数的105.9％ (seed 002, 自检自查报告)
//!
//! The annual task is 4.4亿元; at the end of October 83.3% of the year has elapsed, and reports
//! subtract the two printed figures: 105.9 − 83.3 = 22.6.
//!
//! ```
//! use tongji::{completion, excess_over_target, schedule_gap, Period, Quantity};
//! let actual: Quantity = "46596万元".parse()?;
//! let task: Quantity = "4.4亿元".parse()?;
//! let r = completion(&actual, &task)?;
//! assert_eq!(r.to_string(), "105.9%");
//! let p: Period = "2023年1至10月".parse()?;
//! assert_eq!(p.elapsed().to_string(), "83.3%");
//! assert_eq!(schedule_gap(&r, &p.elapsed())?.to_string(), "快于序时进度22.6个百分点");
//! assert_eq!(excess_over_target(&r).unwrap().to_string(), "5.9个百分点"); // 超额完成
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## A 1—10月 table read from CSV
//!
//! The bundled sample county's 固定资产投资: 47149万元 in 1—10月 against an annual target of
//! 5.6亿元, with the published growth (on a comparable coverage, so never recomputed) beside the
//! recomputed growth of 社会消费品零售总额, marked as such.
//!
//! ```
//! use tongji::Table;
//! let sample = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/county.csv"));
//! let (table, bad_rows) = Table::read_csv(sample.as_slice())?;
//! assert_eq!(bad_rows.len(), 1); // line 266 is a placeholder row, reported and skipped
//! let p = "2023年1—10月".parse()?;
//! assert_eq!(table.completion("示例县", "固定资产投资", &p)?.to_string(), "84.2%");
//! assert_eq!(table.schedule_gap("示例县", "固定资产投资", &p)?.to_string(), "快于序时进度0.9个百分点");
//! assert_eq!(table.yoy("示例县", "固定资产投资", &p)?.to_string(), "增长6.6%");
//! assert_eq!(table.yoy("示例县", "社会消费品零售总额", &p)?.to_string(), "增长7.2%（推算）");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 三次产业结构
//!
//! > 第一产业增加值89755亿元……第二产业增加值482589亿元……第三产业增加值688238亿元……第一产业增加值
//! > 占国内生产总值比重为7.1%，第二产业增加值比重为38.3%，第三产业增加值比重为54.6%
//! > (2023年国民经济和社会发展统计公报)
//!
//! ```
//! use tongji::{share, structure, Quantity};
//! let parts: Vec<Quantity> = ["89755亿元", "482589亿元", "688238亿元"]
//!     .iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
//! let s = structure(&parts)?;
//! assert_eq!(s.to_string(), "7.1:38.3:54.6");
//! assert!(s.sum_error()?.value().is_zero()); // these happen to sum to 100.0
//! let gdp = Quantity::checked_sum(&parts)?.unwrap();
//! assert_eq!(gdp.to_string(), "1260582亿元"); // the communiqué's 国内生产总值
//! assert_eq!(share(&parts[2], &gdp)?.to_string(), "54.6%");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! When rounded shares miss 100 ("33.3:33.3:33.3"), [`crate::Structure::sum_error`] says by how
//! much, and [`crate::Structure::largest_remainder`] gives an adjusted set that names the shares it
//! moved; the data are never adjusted silently (未作机械调整).
//!
//! ## 两年平均增长
//!
//! > 一季度国内生产总值……同比增长18.3%……两年平均增长5.0% (国家统计局, 2021年一季度国民经济运行情况;
//! > 2020年一季度同比下降6.8%)
//!
//! NBS takes the geometric mean on the 2019 base. From rounded published rates the result can miss
//! the published average by 0.1: NBS computes it from unrounded levels.
//!
//! ```
//! use tongji::average_growth;
//! let avg = average_growth(&["18.3%".parse()?, "-6.8%".parse()?])?;
//! assert_eq!(avg.to_string(), "5.0%"); // √(1.183 × 0.932) − 1 = 5.0027%
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 拉动 and 贡献率
//!
//! > 第一产业增加值……增长4.1%；第二产业增加值……增长4.7%；第三产业增加值……增长5.8% (2023年统计公报);
//! > 上年三次产业比重为7.3%、39.9%、52.8% (2022年统计公报)
//!
//! Without constant-price increments, the communiqué approximation is last year's share times this
//! year's real growth ([`crate::approximate_contributions`]); with levels of both years
//! [`crate::contributions`] is exact. Either way the pulls sum to the total's growth.
//!
//! ```
//! use tongji::{approximate_contributions, Decimal, Rate};
//! let r = |s: &str| s.parse::<Rate>();
//! let c = approximate_contributions(&[r("4.1%")?, r("4.7%")?, r("5.8%")?], &[r("7.3%")?, r("39.9%")?, r("52.8%")?])?;
//! let words: Vec<String> = c.iter().map(|c| c.pull_wording()).collect();
//! assert_eq!(words, ["拉动0.3个百分点", "拉动1.9个百分点", "拉动3.1个百分点"]);
//! assert_eq!(c[2].share().unwrap().to_string(), "58.5%"); // 贡献率 of the tertiary sector
//! let total: Decimal = c.iter().map(|c| c.pull().value()).sum();
//! assert_eq!(total.to_string(), "5.2370"); // ≈ the published 5.2%
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 增速提高 / 回落, 降幅收窄
//!
//! > 一季度国内生产总值同比增长4.5%……上半年增长5.5%……前三季度增长5.2% (国家统计局, 2023年)
//!
//! ```
//! use tongji::{rate_change_wording, Rate};
//! let r = |s: &str| s.parse::<Rate>();
//! assert_eq!(rate_change_wording(&r("5.5%")?, &r("4.5%")?)?, "增速提高1.0个百分点"); // 上半年 vs 一季度
//! assert_eq!(rate_change_wording(&r("5.2%")?, &r("5.5%")?)?, "增速回落0.3个百分点"); // 前三季度 vs 上半年
//! assert_eq!(rate_change_wording(&r("-3.2%")?, &r("-5.3%")?)?, "降幅收窄2.1个百分点");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 当月 from 累计
//!
//! County tables publish year-to-date figures; 当月 = 累计 − 上月累计. January and February are
//! often released only together as 1—2月, so March is the first single month.
//!
//! ```
//! use tongji::Table;
//! let sample = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/county.csv"));
//! let (table, _) = Table::read_csv(sample.as_slice())?;
//! let months = table.monthly_from_cumulative("示例县", "固定资产投资", 2023)?;
//! let first: Vec<String> = months.iter().take(3).map(|o| format!("{} {}", o.period(), o.value())).collect();
//! assert_eq!(first, ["2023年3月 4255万元", "2023年4月 5165万元", "2023年5月 4591万元"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## A township roll-up checked against the county
//!
//! The sample county's three townships sum exactly to its 1—10月 固定资产投资. Per-capita figures roll
//! up weighted by population, never as a plain average, and a missing township leaves the sum
//! missing unless partial sums are accepted.
//!
//! ```
//! use tongji::{RollUp, Table};
//! let sample = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/county.csv"));
//! let (table, _) = Table::read_csv(sample.as_slice())?;
//! let rolled = table.roll_up("乡镇合计", &["甲镇", "乙乡", "丙乡"], RollUp::new())?;
//! let p = "2023年1—10月".parse()?;
//! let fai = rolled.iter().find(|o| o.indicator() == "fai" && o.period() == p).unwrap();
//! assert_eq!(fai.value().to_string(), "47149万元"); // 20664 + 15210 + 11275
//! assert_eq!(fai.value(), table.get("示例县", "固定资产投资", &p).unwrap().value());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Ledger 完成率 excluding 延期
//!
//! > 明确8大领域共计44项改革事项(其中4项改革事项因客观原因申请延期……)，40项全部完成，完成率100%
//! > (seed 004, 2021年区委全面深化改革工作总结报告)
//!
//! Deferred and cancelled tasks leave the denominator; the rate over all tasks is given beside it so
//! nobody is misled.
//!
//! ```
//! use tongji::Ledger;
//! let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
//! let (ledger, _) = Ledger::read_csv(seed.as_slice())?;
//! let s = ledger.summary();
//! assert_eq!(s.sentence(), "明确8大领域共计44项改革事项(其中4项延期)，40项全部完成，完成率100%");
//! assert_eq!(s.completion_rate_all().to_string(), "90.9%"); // 40 / 44
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 均价 across units and magnitudes
//!
//! > 收购烟叶101.2万公斤，收购总额3554.85万元，均价35.13元 (seed 002)
//!
//! ```
//! use tongji::{per_unit, Quantity};
//! let price = per_unit(&"3554.85万元".parse()?, &"101.2万公斤".parse()?)?;
//! assert_eq!(price.to_string(), "35.13元/公斤"); // money per unit shows 2 places
//! assert!(price.value().to_string().starts_with("35.1269762845")); // and keeps every digit
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 增长X倍 and 翻番
//!
//! "增长1.79倍" is +179% (the new level is 2.79 times the old); never read it as a ratio of 1.79.
//!
//! ```
//! use tongji::{doubling_rate, growth, Growth, GrowthFormat};
//! let g: Growth = "增长1.79倍".parse()?;
//! assert_eq!(g.rate().unwrap().to_string(), "179%");
//! let g = growth(&"27.9亿元".parse()?, &"10亿元".parse()?)?;
//! assert_eq!(g.to_text(&GrowthFormat::new().multiples(true)), "增长1.79倍");
//! assert_eq!(doubling_rate(1, 10)?.to_string(), "7.2%"); // 十年翻一番: 7.2% a year
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## A GBK CSV from Excel or WPS
//!
//! Excel and WPS on Chinese Windows save CSV in GBK. With the default `gbk` feature, input that is
//! not UTF-8 is decoded as GB18030; nothing needs to be said.
//!
//! ```
//! # #[cfg(feature = "gbk")] {
//! let gbk = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/gbk.csv"));
//! assert!(std::str::from_utf8(gbk).is_err());
//! let (table, bad) = tongji::Table::read_csv(gbk.as_slice())?;
//! assert!(bad.is_empty());
//! assert_eq!(table.completion("示例縣", "fai", &"2023年1—10月".parse()?)?.to_string(), "105.9%");
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## A 月报 as the office sends it: wide, GBK, with a title and a footnote
//!
//! The statistics bureau's table has a title row naming the county and the months, one indicator
//! a row, columns 本月, 1-本月累计, 上年同期累计, 累计增长(%), 年度目标, 完成年度目标%, and a
//! footnote. It is read as it is; [`crate::Table::inspect_wide_csv`] shows how.
//!
//! ```
//! # #[cfg(feature = "gbk")] {
//! use tongji::{Table, WideOptions};
//! let gbk = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/monthly_gbk.csv"));
//! let (table, bad) = Table::read_wide_csv(gbk.as_slice(), &WideOptions::new())?;
//! assert!(bad.is_empty()); // the published 完成率 were checked too
//! let p = "2023年1—10月".parse()?;
//! assert_eq!(table.schedule_gap("XX县", "一般公共预算收入", &p)?.to_string(), "慢于序时进度4.0个百分点");
//! // "注：地区生产总值为前三季度数据": GDP is read as 前三季度.
//! assert_eq!(table.growth("XX县", "gdp", &"2023年前三季度".parse()?)?.to_string(), "增长5.6%");
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The same from a workbook is `Table::read_xlsx("月报.xlsx", &WideOptions::new().sheet("10月"))`.
//!
//! ## A unit or indicator of your own
//!
//! ```
//! use tongji::{Catalog, CsvOptions, Table, Unit, UnitDefinition};
//! Unit::register("千伏安", UnitDefinition::Base { dimension: "transformer capacity" })?;
//! let catalog = Catalog::read_csv("代码,名称,计量单位,类型,别名\ncapacity,变电容量,万千伏安,存量,主变容量\n".as_bytes())?;
//! let csv = "地区,指标,时期,数值\n示例县,主变容量,2023年,12.5万千伏安\n";
//! let (t, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().catalog(catalog).strict_catalog(true))?;
//! assert!(bad.is_empty());
//! assert_eq!(t.iter().next().unwrap().indicator().code(), "capacity");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## JSON in and out
//!
//! Every figure serializes as its text with every digit, never through a float, so JSON round trips
//! keep "2.50亿元" as "2.50亿元".
//!
//! ```
//! use tongji::Observation;
//! let o = Observation::new("示例县", "fai", "2023年1—10月".parse()?, "46596万元".parse()?)
//!     .with_status("预计".parse()?)
//!     .with_target("4.4亿元".parse()?);
//! let json = serde_json::to_string(&o)?;
//! assert_eq!(json, r#"{"region":"示例县","indicator":"fai","period":"2023年1—10月","value":"46596万元","status":"预计","target":"4.4亿元"}"#);
//! assert_eq!(serde_json::from_str::<Observation>(&json)?, o);
//! // What other tools send: a number with its unit apart, an ISO period.
//! let sent = r#"{"region":"示例县","indicator":"fai","period":"2023-01/2023-10","value":46596,"unit":"万元"}"#;
//! assert_eq!(serde_json::from_str::<Observation>(sent)?.value().to_string(), "46596万元");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Matching an error by kind
//!
//! A WPS export with a placeholder left in and a typo in a unit: the good rows are kept, each bad
//! one says where it is and what is wrong.
//!
//! ```
//! use tongji::{ErrorKind, Table};
//! let csv = "地区,指标,时期,数值\n示例县,旅游收入,2023年,XX亿元\n示例县,接待游客,2023年,74.2万人欠\n示例县,接待游客,2022年,66.36万人次\n";
//! let (table, bad) = Table::read_csv(csv.as_bytes())?;
//! assert_eq!(table.len(), 1);
//! for e in &bad {
//!     match e.kind() {
//!         ErrorKind::Placeholder => assert_eq!(e.location().unwrap().line(), Some(2)),
//!         ErrorKind::UnknownUnit => assert_eq!(e.to_string(), r#"line 3, column 数值: unknown unit "人欠" in "74.2万人欠""#),
//!         other => panic!("unexpected {other}: {e}"),
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## A custom catalog entry
//!
//! > 全县茶叶产量1250吨，增长8.7%
//!
//! Indicators the built-in catalog does not have are added with their unit, magnitude and kind;
//! their growth may be recomputed from levels unless marked published-only.
//!
//! ```
//! use tongji::{Catalog, CsvOptions, Indicator, IndicatorKind, Magnitude, Table, Unit};
//! let mut catalog = Catalog::builtin();
//! catalog.add(Indicator::new("tea_output", "茶叶产量", Unit::TONNE, Magnitude::One, IndicatorKind::Flow)?.with_alias("茶叶"))?;
//! let csv = "地区,指标,时期,数值\n示例县,茶叶产量,2023年,1250吨\n示例县,茶叶,2022年,1150吨\n";
//! let (t, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().catalog(catalog))?;
//! assert!(bad.is_empty());
//! assert_eq!(t.growth("示例县", "tea_output", &"2023年".parse()?)?.to_string(), "增长8.7%");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Half-even rounding (GB/T 8170)
//!
//! Reports round 四舍五入 — half away from zero — and that is the default. GB/T 8170-2008's
//! 四舍六入五成双 (half to even) is a mode for publications that follow it; either way a figure is
//! rounded once, from its exact value.
//!
//! ```
//! use tongji::{completion, Rounding, RoundingMode, Table, WriteOptions};
//! let r = completion(&"1025万元".parse()?, &"10000万元".parse()?)?; // exactly 10.25%
//! assert_eq!(r.to_string(), "10.3%");
//! assert_eq!(r.rounded(Rounding::new(1).with_mode(RoundingMode::HalfEven)).to_string(), "10.2%");
//! // The same for a whole report written as CSV:
//! let (t, _) = Table::read_csv("地区,指标,时期,数值,目标\n示例乡,fai,2023年,1025万元,10000万元\n".as_bytes())?;
//! let mut out = Vec::new();
//! t.report("示例乡", &"2023年".parse()?)?.write_csv(&mut out, &WriteOptions::new().rounding(RoundingMode::HalfEven))?;
//! assert!(String::from_utf8(out)?.contains(",10.2%,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
