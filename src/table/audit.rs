//! `Table::audit`: every relation the table's data allows, checked with the rounding of the
//! figures as written.

use std::sync::Arc;

use super::Table;
use super::row::Row;
use crate::audit::finding::{Context, Figure, Finding, Reason, Role, Rule, Value};
use crate::audit::rules::reason;
use crate::audit::{AuditReport, Auditor, Verdict};
use crate::{Growth, IndicatorKind, Quantity, Result, RoundingMode, Status};

/// How [`Table::audit_with`] audits: the rounding stated figures are taken to have, and which
/// regions are parts of which.
///
/// Without [`AuditOptions::regions`], regions are told apart by name: a table with one county-level
/// region (…县, …旗, …市, …区, but not a 开发区 or 园区) and townships (…镇, …乡, …街道, …苏木)
/// has its townships checked as 其中 parts of the county (Σ ≤ county; not all townships need be
/// listed, and county-level units belong to no township).
///
/// # Examples
///
/// ```
/// use tongji::audit::{AuditOptions, Rule, Verdict};
/// use tongji::Table;
/// let csv = "地区,指标,时期,数值\n示例县,社会消费品零售总额,2023年,120.5亿元\n甲镇,社会消费品零售总额,2023年,70.2亿元\n乙乡,社会消费品零售总额,2023年,50.1亿元\n";
/// let (t, _) = Table::read_csv(csv.as_bytes())?;
/// // By name: the townships are 其中 parts, and 120.3 ≤ 120.5 stands.
/// let report = t.audit();
/// let f = &report.findings()[0];
/// assert_eq!((f.rule(), f.verdict()), (Rule::PartOf, Verdict::Consistent));
/// // Said to be all of the county, they must add up to it.
/// let report = t.audit_with(&AuditOptions::new().complete_regions("示例县", &["甲镇", "乙乡"]));
/// let f = &report.findings()[0];
/// assert_eq!((f.rule(), f.verdict(), f.expected_text()), (Rule::Sum, Verdict::Inconsistent, "120.3亿元"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditOptions {
    auditor: Auditor,
    regions: Option<Regions>,
    infer_regions: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Regions {
    whole: String,
    parts: Vec<String>,
    complete: bool,
}

impl Default for AuditOptions {
    fn default() -> AuditOptions {
        AuditOptions::new()
    }
}

impl AuditOptions {
    /// 四舍五入, regions told apart by name.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::audit::AuditOptions::new(), Default::default());
    /// ```
    #[must_use]
    pub fn new() -> AuditOptions {
        AuditOptions {
            auditor: Auditor::new(),
            regions: None,
            infer_regions: true,
        }
    }

    /// Take stated figures as rounded by `mode`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{AuditOptions, Verdict};
    /// use tongji::{RoundingMode, Table};
    /// // The levels give 10.27% to 10.29%: printed 10.2%, the growth was cut, not rounded.
    /// let csv = "地区,指标,时期,数值,同比增长\n示例县,接待游客,2023年,110.28万人次,10.2\n示例县,接待游客,2022年,100.00万人次,\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// assert_eq!(t.audit().count(Verdict::ConsistentIfTruncated), 1);
    /// let cut = t.audit_with(&AuditOptions::new().rounding(RoundingMode::Truncate));
    /// assert_eq!(cut.count(Verdict::Consistent), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rounding(self, mode: RoundingMode) -> AuditOptions {
        AuditOptions {
            auditor: self.auditor.rounding(mode),
            ..self
        }
    }

    /// `parts` are 其中 parts of the region `whole`: their sum is at most the whole's.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{AuditOptions, Severity};
    /// let csv = "地区,指标,时期,数值\n全县,接待游客,2023年,74.2万人次\n景区A,接待游客,2023年,80万人次\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.audit_with(&AuditOptions::new().regions("全县", &["景区A"]));
    /// assert_eq!(report.count_severity(Severity::Mandatory), 1); // a part above its whole
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn regions(self, whole: &str, parts: &[&str]) -> AuditOptions {
        self.with_regions(whole, parts, false)
    }

    /// `parts` are all of the region `whole`: their sum is the whole's.
    ///
    /// # Examples
    ///
    /// See [`AuditOptions`].
    ///
    /// ```
    /// use tongji::audit::{AuditOptions, Verdict};
    /// let csv = "地区,指标,时期,数值\n全县,接待游客,2023年,74.2万人次\n甲镇,接待游客,2023年,40.1万人次\n乙镇,接待游客,2023年,34.1万人次\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.audit_with(&AuditOptions::new().complete_regions("全县", &["甲镇", "乙镇"]));
    /// assert_eq!(report.count(Verdict::Exact), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn complete_regions(self, whole: &str, parts: &[&str]) -> AuditOptions {
        self.with_regions(whole, parts, true)
    }

    /// Whether regions are told apart by name when [`AuditOptions::regions`] is not given (on by
    /// default).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::AuditOptions;
    /// let csv = "地区,指标,时期,数值\n示例县,接待游客,2023年,74.2万人次\n甲镇,接待游客,2023年,80万人次\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// assert_eq!(t.audit().len(), 1);
    /// assert!(t.audit_with(&AuditOptions::new().infer_regions(false)).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn infer_regions(self, yes: bool) -> AuditOptions {
        AuditOptions {
            infer_regions: yes,
            ..self
        }
    }

    fn with_regions(self, whole: &str, parts: &[&str], complete: bool) -> AuditOptions {
        AuditOptions {
            regions: Some(Regions {
                whole: whole.trim().to_string(),
                parts: parts.iter().map(|p| p.trim().to_string()).collect(),
                complete,
            }),
            ..self
        }
    }
}

/// The name of a totals row: 合计, 总计, 总数, or 全县/全市/全区/全旗/全镇/全乡 — a row that
/// is the total of the table's other regions, not one more of them.
pub(crate) fn is_total(name: &str) -> bool {
    matches!(
        name.trim(),
        "合计" | "总计" | "总数" | "全县" | "全市" | "全区" | "全旗" | "全镇" | "全乡"
    )
}

/// A totals row that is by definition the sum of the rows it totals (合计, 总计, 总数); a 全县 row
/// may also hold units the table does not list.
fn is_sum_row(name: &str) -> bool {
    matches!(name.trim(), "合计" | "总计" | "总数")
}

/// A county-level name (县, 旗, 市, 区 — not a 开发区 or 园区).
pub(crate) fn is_county_level(name: &str) -> bool {
    const ZONES: [&str; 6] = ["开发区", "园区", "工业区", "示范区", "景区", "产业区"];
    name.ends_with(['县', '旗', '市'])
        || (name.ends_with('区') && !ZONES.iter().any(|z| name.ends_with(z)))
}

/// A township-level name (镇, 乡, 街道, 苏木).
pub(crate) fn is_township(name: &str) -> bool {
    name.ends_with(['镇', '乡']) || name.ends_with("街道") || name.ends_with("苏木")
}

/// The auditing of one table.
struct Audit<'t> {
    table: &'t Table,
    auditor: Auditor,
    regions: Vec<Arc<str>>,
    indicators: Vec<Arc<str>>,
    report: AuditReport,
}

fn q(role: Role, q: &Quantity) -> Figure {
    Figure::new(role, Value::Quantity(*q))
}

/// Whether a figure's growth is published at comparable prices (增加值, 生产总值) rather than on a
/// comparable coverage (投资).
fn price_based(name: &str) -> bool {
    name.contains("增加值") || name.contains("生产总值")
}

impl Audit<'_> {
    fn context(&self, row: &Row) -> Context {
        Context {
            region: self
                .regions
                .get(row.region as usize)
                .cloned()
                .unwrap_or_default(),
            indicator: self
                .indicators
                .get(row.indicator as usize)
                .cloned()
                .unwrap_or_default(),
            period: row.period,
        }
    }

    /// Records the finding of a rule about `row`, or a not-checkable one when the rule errs.
    fn record(&mut self, row: &Row, rule: Rule, figures: &[&Row], checked: Result<Finding>) {
        let finding = checked.unwrap_or_else(|e| {
            let operands = figures.iter().map(|r| q(Role::Item, &r.value)).collect();
            let mut f = Finding::new(
                rule,
                operands,
                q(Role::Stated, &row.value),
                Verdict::NotCheckable,
            );
            f.reason = Some(reason(&e));
            f
        });
        let context = self.context(row);
        self.report.push(finding.in_context(context));
    }

    /// A published growth against the levels.
    fn growth(&mut self, row: &Row) {
        let Some(rate) = row.yoy else { return };
        let stated = Growth::from(rate);
        let indicator = self.table.catalog.at(row.indicator as usize);
        let current = q(Role::Current, &row.value);
        let stated_figure = Figure::new(Role::Stated, Value::Growth(stated));
        let prev = self.table.last_year(row);
        // Why it cannot be checked: first what the growth is (at comparable prices or coverage,
        // whatever the levels), then a missing level.
        let why = if !indicator.growth_from_levels() {
            Some(if price_based(indicator.name()) {
                Reason::ComparablePrices
            } else {
                Reason::ComparableCoverage
            })
        } else if prev.is_none() {
            Some(Reason::MissingOperand)
        } else {
            None
        };
        let (Some(prev), None) = (prev, why) else {
            let mut figures = vec![current];
            figures.extend(prev.map(|p| q(Role::Previous, &p.value)));
            let mut f = Finding::new(Rule::Growth, figures, stated_figure, Verdict::NotCheckable);
            f.reason = why;
            let context = self.context(row);
            self.report.push(f.in_context(context));
            return;
        };
        let target = self.table.target_at(row.target);
        let bases: Vec<(&str, Quantity)> = target.map(|t| ("年度目标", t)).into_iter().collect();
        let checked = self
            .auditor
            .growth_with_bases(&row.value, &prev.value, &stated, &bases)
            .map(|mut f| {
                let revisable = matches!(prev.status, Status::Preliminary | Status::Estimated);
                if f.verdict == Verdict::Inconsistent && revisable {
                    // Growth is computed on the revised (核实) base, not on this figure.
                    f.verdict = Verdict::NotCheckable;
                    f.reason = Some(Reason::RevisedBase);
                    f.severity = None;
                    f.hypothesis = None;
                }
                f
            });
        self.record(row, Rule::Growth, &[row, &prev], checked);
    }

    /// 累计 through one year of a flow (`rows` sorted by period): each later year-to-date figure at
    /// least the earlier and the sum of its single months, and each single period (当月, 当季,
    /// 下半年) the difference of two.
    fn through_the_year(&mut self, rows: &[&Row]) {
        let ytd: Vec<&Row> = rows
            .iter()
            .copied()
            .filter(|r| r.period.months().0 == 1)
            .collect();
        for pair in ytd.windows(2) {
            let (earlier, later) = (pair[0], pair[1]);
            if later.partial {
                continue;
            }
            let checked = self.auditor.cumulative(&earlier.value, &later.value);
            self.record(later, Rule::Cumulative, &[earlier], checked);
        }
        // The single months from January, where the table has each.
        let mut months: [Option<&Row>; 13] = [None; 13];
        for r in rows
            .iter()
            .copied()
            .filter(|r| r.period.months().0 == r.period.months().1)
        {
            if let Some(slot) = months.get_mut(usize::from(r.period.months().0)) {
                *slot = Some(r);
            }
        }
        for cum in ytd.iter().filter(|r| r.period.months().1 > 1 && !r.partial) {
            let last = usize::from(cum.period.months().1);
            let singles: Option<Vec<&Row>> = months
                .get(1..=last)
                .and_then(|m| m.iter().copied().collect());
            let Some(singles) = singles else { continue };
            let values: Vec<Quantity> = singles.iter().map(|r| r.value).collect();
            let checked = self.auditor.sum(&values, &cum.value).map(|mut f| {
                f.rule = Rule::MonthsSum;
                f
            });
            self.record(cum, Rule::MonthsSum, &singles, checked);
        }
        let through = |last: u8| {
            ytd.binary_search_by_key(&last, |r| r.period.months().1)
                .ok()
                .map(|i| ytd[i])
        };
        for row in rows
            .iter()
            .copied()
            .filter(|r| r.period.months().0 > 1 && !r.partial)
        {
            let (first, last) = row.period.months();
            let (Some(cum), Some(before)) = (through(last), through(first - 1)) else {
                continue;
            };
            let checked = self.auditor.monthly(&cum.value, &before.value, &row.value);
            self.record(row, Rule::Monthly, &[cum, before], checked);
        }
    }

    /// Each region × indicator: growth, and for flows 累计 and 当月.
    fn series(&mut self) {
        let table = self.table;
        let owned: Vec<Row> = table.rows().collect();
        let rows: Vec<&Row> = owned.iter().collect();
        let mut start = 0;
        while start < rows.len() {
            let key = (rows[start].region, rows[start].indicator);
            let len = rows[start..]
                .iter()
                .position(|r| (r.region, r.indicator) != key)
                .unwrap_or(rows.len() - start);
            let group = &rows[start..start + len];
            for row in group {
                self.growth(row);
            }
            let flow = self.table.catalog.at(key.1 as usize).kind() == IndicatorKind::Flow;
            if flow {
                let mut y = 0;
                while y < group.len() {
                    let year = group[y].period.calendar_year();
                    let n = group[y..]
                        .iter()
                        .position(|r| r.period.calendar_year() != year)
                        .unwrap_or(group.len() - y);
                    self.through_the_year(&group[y..y + n]);
                    y += n;
                }
            }
            start += len;
        }
    }

    /// Parts against their whole: `parts` (sorted by their key) grouped by the whole they belong
    /// to, each group checked against the whole's row.
    fn wholes(
        &mut self,
        mut parts: Vec<((u32, u32, crate::Period), usize)>,
        complete: impl Fn(&Row, usize) -> bool,
    ) {
        parts.sort_unstable_by_key(|(key, i)| (*key, *i));
        let table = self.table;
        let owned: Vec<Row> = table.rows().collect();
        let rows: Vec<&Row> = owned.iter().collect();
        let mut start = 0;
        while start < parts.len() {
            let key = parts[start].0;
            let len = parts[start..]
                .iter()
                .position(|(k, _)| *k != key)
                .unwrap_or(parts.len() - start);
            let group: Vec<&Row> = parts[start..start + len]
                .iter()
                .map(|(_, i)| rows[*i])
                .collect();
            start += len;
            let Some(whole) = table.find(key) else {
                continue;
            };
            if whole.partial {
                // A partial roll-up is a sum of these very parts.
                continue;
            }
            let values: Vec<Quantity> = group.iter().map(|r| r.value).collect();
            let (rule, checked) = if complete(&whole, group.len()) {
                (Rule::Sum, self.auditor.sum(&values, &whole.value))
            } else {
                (Rule::PartOf, self.auditor.part_of(&values, &whole.value))
            };
            self.record(&whole, rule, &group, checked);
        }
    }

    /// Catalog children against their parent (三次产业 and 地区生产总值; 其中民生支出).
    fn parents(&mut self) {
        let catalog = &self.table.catalog;
        let parent_of: Vec<Option<u32>> = (0..catalog.len())
            .map(|i| {
                catalog
                    .at(i)
                    .parent()
                    .and_then(|p| catalog.index_of(p))
                    .and_then(|p| u32::try_from(p).ok())
            })
            .collect();
        let mut children = vec![0usize; catalog.len()];
        for p in parent_of.iter().flatten() {
            if let Some(c) = children.get_mut(*p as usize) {
                *c += 1;
            }
        }
        let parts: Vec<_> = self
            .table
            .rows()
            .enumerate()
            .filter_map(|(i, r)| {
                let p = parent_of.get(r.indicator as usize).copied().flatten()?;
                Some(((r.region, p, r.period), i))
            })
            .collect();
        let table = self.table;
        self.wholes(parts, |whole, n| {
            let i = whole.indicator as usize;
            table.catalog.at(i).parts_complete() && children.get(i) == Some(&n)
        });
    }

    /// Regions against the region they are part of.
    fn regions(&mut self, options: &AuditOptions) {
        let table = self.table;
        let (whole, parts, complete): (u32, Vec<u32>, bool) = match &options.regions {
            Some(r) => {
                let Some(whole) = table.region_id(&r.whole) else {
                    return;
                };
                let parts = r.parts.iter().filter_map(|p| table.region_id(p)).collect();
                (whole, parts, r.complete)
            }
            None if options.infer_regions => {
                let named = |is: &dyn Fn(&str) -> bool| -> Vec<u32> {
                    (0..table.regions.len())
                        .filter(|&i| is(&table.regions[i]))
                        .filter_map(|i| u32::try_from(i).ok())
                        .collect()
                };
                // A totals row (合计, 全县) totals every other region; else one county-level
                // region has the townships as 其中 parts.
                match named(&is_total)[..] {
                    [total] => {
                        let name = &table.regions[total as usize];
                        (total, named(&|r: &str| !is_total(r)), is_sum_row(name))
                    }
                    [] => {
                        let counties = named(&is_county_level);
                        let [county] = counties[..] else { return };
                        (county, named(&is_township), false)
                    }
                    _ => return,
                }
            }
            None => return,
        };
        let mut is_part = vec![false; table.regions.len()];
        for p in parts.iter().filter(|&&p| p != whole) {
            if let Some(slot) = is_part.get_mut(*p as usize) {
                *slot = true;
            }
        }
        let n_parts = is_part.iter().filter(|p| **p).count();
        if n_parts == 0 {
            return;
        }
        let additive = |r: &Row| {
            matches!(
                table.catalog.at(r.indicator as usize).kind(),
                IndicatorKind::Flow | IndicatorKind::Stock
            )
        };
        let rows: Vec<_> = table
            .rows()
            .enumerate()
            .filter(|(_, r)| {
                is_part.get(r.region as usize).copied().unwrap_or(false) && additive(r)
            })
            .map(|(i, r)| ((whole, r.indicator, r.period), i))
            .collect();
        self.wholes(rows, |_, n| complete && n == n_parts);
    }
}

impl Table {
    /// Audits the table (勾稽关系): every relation its data allows, checked with the rounding of
    /// the figures as written, by 四舍五入. See [`Table::audit_with`] for the rules and options.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::Verdict;
    /// // A published 接待游客 −2.3% beside levels that give +11.8%.
    /// let csv = "地区,指标,时期,数值,同比增长\n示例县,接待游客,2023年,74.2万人次,-2.3\n示例县,接待游客,2022年,66.36万人次,\n";
    /// let (table, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = table.audit();
    /// assert_eq!(report.count(Verdict::Inconsistent), 1);
    /// assert_eq!(report.to_string(), "审核报告\n共审核1项勾稽关系，发现1处不一致：\n\
    ///     1. 【核实性】示例县 接待游客 2023年：下降2.3%与74.2万人次、66.36万人次不符，应为增长11.8%\
    ///     （可取范围(11.73, 11.9)，低于下限14.03）\n精确相符0项，在修约范围内相符0项。\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[doc(alias = "勾稽关系")]
    #[doc(alias = "审核")]
    #[must_use]
    pub fn audit(&self) -> AuditReport {
        self.audit_with(&AuditOptions::new())
    }

    /// Audits the table with `options`. The rules, each where the table has the figures:
    ///
    /// - **Published growth against levels** (上年同期): checked for indicators whose growth may be
    ///   recomputed; for the others `NotCheckable` — at comparable prices (增加值, 生产总值) or on a
    ///   comparable coverage (投资). A growth over a preliminary or estimated base that does not fit
    ///   is `NotCheckable` (the base is revised, 核实). The row's target is tried as the base the
    ///   growth may wrongly have been computed on.
    /// - **Parts and whole**: catalog children against their parent (Σ = whole when the parent's
    ///   parts are complete and all present, Σ ≤ whole otherwise), townships against the county.
    /// - **累计** of a flow never falls within a year; **当月, 当季, 下半年** equal the difference of
    ///   two 累计.
    ///
    /// A figure that is a partial roll-up is not checked against the parts it was summed from. The
    /// audit never changes a figure.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::audit::{AuditOptions, Rule, Verdict};
    /// let csv = "地区,指标,时期,数值\n示例县,社会消费品零售总额,2023年1—2月,18.2亿元\n示例县,社会消费品零售总额,2023年1—3月,27.9亿元\n示例县,社会消费品零售总额,2023年3月,9.5亿元\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.audit_with(&AuditOptions::new());
    /// let rules: Vec<_> = report.findings().iter().map(|f| (f.rule(), f.verdict())).collect();
    /// assert_eq!(rules, [(Rule::Cumulative, Verdict::Consistent), (Rule::Monthly, Verdict::Inconsistent)]);
    /// assert_eq!(report.findings()[1].expected_text(), "9.7亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn audit_with(&self, options: &AuditOptions) -> AuditReport {
        let mut audit = Audit {
            table: self,
            auditor: options.auditor,
            regions: self.regions.iter().map(|r| Arc::from(r.as_str())).collect(),
            indicators: self.catalog.iter().map(|i| Arc::from(i.name())).collect(),
            report: AuditReport::default(),
        };
        audit.series();
        audit.parents();
        audit.regions(options);
        audit.report
    }
}
