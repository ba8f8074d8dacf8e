//! The report table of one region and period: 指标, 本期, 上年同期, 同比增长, 目标, 完成率, 序时进度差.

use std::fmt;
use std::io::Write;

use super::Table;
use crate::{
    Error, Indicator, ObservationRef, Period, Quantity, Rate, Result, Rounding, ScheduleGap,
    WriteOptions, Yoy, schedule_gap,
};

/// One line of a [`Report`].
///
/// # Examples
///
/// ```
/// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,retail,2023年,120.5亿元\n示例县,retail,2022年,110亿元\n".as_bytes())?;
/// let report = t.report("示例县", &"2023年".parse()?)?;
/// let line = &report.lines()[0];
/// assert_eq!(line.indicator().name(), "社会消费品零售总额");
/// assert_eq!(line.previous().unwrap().to_string(), "110亿元");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ReportLine {
    indicator: Indicator,
    current: Quantity,
    previous: Option<Quantity>,
    yoy: Yoy,
    target: Option<Quantity>,
    completion: Option<Rate>,
    schedule: Option<ScheduleGap>,
    elapsed: Rate,
}

impl ReportLine {
    /// The indicator.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!((fai.indicator().name(), retail.indicator().name()), ("固定资产投资", "社会消费品零售总额"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn indicator(&self) -> &Indicator {
        &self.indicator
    }

    /// 本期.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(fai.current().to_string(), "47149万元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn current(&self) -> Quantity {
        self.current
    }

    /// 上年同期, if in the table.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(fai.previous().unwrap().to_string(), "45695万元"); // 上年同期, the same 1—10月
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn previous(&self) -> Option<Quantity> {
        self.previous
    }

    /// 同比增长, published and recomputed.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(fai.yoy().to_string(), "增长6.6%"); // published (可比口径)
    /// assert_eq!(retail.yoy().to_string(), "增长7.2%（推算）"); // recomputed, and marked
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn yoy(&self) -> Yoy {
        self.yoy
    }

    /// 目标, the period's or the year's.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(fai.target().unwrap().to_string(), "5.6亿元");
    /// assert!(retail.target().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn target(&self) -> Option<Quantity> {
        self.target
    }

    /// 完成率, when there is a target.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(fai.completion().unwrap().to_string(), "84.2%"); // 47149 / 56000
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn completion(&self) -> Option<Rate> {
        self.completion
    }

    /// 序时进度差, when there is a target.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(fai.schedule_gap().unwrap().to_string(), "快于序时进度0.9个百分点"); // 84.2 − 83.3
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn schedule_gap(&self) -> Option<ScheduleGap> {
        self.schedule
    }

    /// The cells in the order of [`Report::HEADER`], as text ("" where there is nothing), with
    /// computed figures rounded by `rounding` (figures read from text stay as written).
    /// The line's seven cells as the report table prints them (指标, 本期, 上年同期, 同比增长, 目标,
    /// 完成率, 序时进度差; an absent figure is empty): figures read from text as written, computed
    /// ones (完成率, recomputed growth, 序时进度差) rounded once by `options`.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{RoundingMode, Table, WriteOptions};
    /// let csv = "地区,指标,时期,数值,目标\n示例乡,fai,2023年,1025万元,10000万元\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例乡", &"2023年".parse()?)?;
    /// let cells = report.lines()[0].cells(&WriteOptions::new());
    /// assert_eq!(cells[..2], ["固定资产投资", "1025万元"]);
    /// assert_eq!(cells[5], "10.3%"); // 10.25%: 四舍五入
    /// let even = report.lines()[0].cells(&WriteOptions::new().rounding(RoundingMode::HalfEven).places(2));
    /// assert_eq!(even[5], "10.25%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn cells(&self, options: &WriteOptions) -> [String; 7] {
        self.cells_rounded(options.rounding_for(1))
    }

    pub(crate) fn cells_rounded(&self, rounding: Rounding) -> [String; 7] {
        let opt = |o: Option<String>| o.unwrap_or_default();
        let computed = |r: &Rate| {
            if r.is_written() {
                *r
            } else {
                r.rounded(rounding)
            }
        };
        let yoy = if self.yoy.published().is_none() && self.yoy.recomputed().is_none() {
            String::new()
        } else {
            let mut text = String::new();
            // Writing to a String cannot fail.
            let _ = self.yoy.write(&mut text, Some(rounding));
            text
        };
        // 序时进度差 subtracts the two figures as printed here.
        let gap = self.completion.and_then(|c| {
            schedule_gap(&computed(&c), &computed(&self.elapsed))
                .ok()
                .map(|g| g.to_string())
        });
        [
            self.indicator.name().to_string(),
            self.current.to_string(),
            opt(self.previous.map(|q| q.to_string())),
            yoy,
            opt(self.target.map(|q| q.to_string())),
            opt(self.completion.map(|r| computed(&r).to_string())),
            opt(gap),
        ]
    }
}

/// The report table of one region and period, one line per indicator in catalog order: the
/// figure, last year's, the growth (published, or recomputed and marked), the target, 完成率 and
/// 序时进度差. Display prints it as a text table; [`Report::write_csv`] as CSV.
///
/// # Examples
///
/// ```
/// use tongji::Table;
/// let csv = "地区,指标,时期,数值,目标\n示例乡,fai,2023年1—10月,46596万元,4.4亿元\n";
/// let (t, _) = Table::read_csv(csv.as_bytes())?;
/// let r = t.report("示例乡", &"2023年1—10月".parse()?)?;
/// assert!(r.to_string().contains("快于序时进度22.6个百分点"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Report {
    region: String,
    period: Period,
    lines: Vec<ReportLine>,
}

impl Report {
    /// The column headers.
    pub const HEADER: [&'static str; 7] = crate::text::wording::REPORT_HEADER;

    /// The lines, in catalog order.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(report.lines().len(), 2); // one per indicator, in catalog order
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn lines(&self) -> &[ReportLine] {
        &self.lines
    }

    /// The region.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(report.region(), "示例县");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The period.
    ///
    /// # Examples
    ///
    /// ```
    /// # let csv = "地区,指标,时期,数值,同比增长,目标\n示例县,fai,2023年1—10月,47149万元,6.6,5.6亿元\n示例县,fai,2022年1—10月,45695万元,,\n示例县,retail,2023年1—10月,18829万元,,\n示例县,retail,2022年1—10月,17563万元,,\n";
    /// # let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let report = t.report("示例县", &"2023年1—10月".parse()?)?;
    /// let (fai, retail) = (&report.lines()[0], &report.lines()[1]);
    /// assert_eq!(report.period().elapsed().to_string(), "83.3%"); // 序时进度 of 1—10月
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(&self) -> Period {
        self.period
    }
}

impl Report {
    /// Writes the report table as CSV (指标,本期,上年同期,同比增长,目标,完成率,序时进度差). Figures
    /// read from text are written as written; computed ones (完成率, recomputed growth) by
    /// `options`' rounding.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Io`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WriteOptions};
    /// let (t, _) = Table::read_csv("地区,指标,时期,数值,目标\n示例乡,fai,2023年1—10月,46596万元,4.4亿元\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// t.report("示例乡", &"2023年1—10月".parse()?)?.write_csv(&mut out, &WriteOptions::new())?;
    /// assert!(String::from_utf8(out)?.ends_with("固定资产投资,46596万元,,,4.4亿元,105.9%,快于序时进度22.6个百分点\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, options: &WriteOptions) -> Result<()> {
        crate::io::report::write(self, writer, options)
    }
}

impl fmt::Display for Report {
    /// The text table; an indicator no catalog knows is marked "（目录外）".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {}", self.region, self.period)?;
        let rows: Vec<[String; 7]> = std::iter::once(Report::HEADER.map(str::to_string))
            .chain(self.lines.iter().map(|l| {
                let mut cells = l.cells_rounded(Rounding::default());
                if l.indicator.is_ad_hoc() {
                    cells[0].push_str("（目录外）");
                }
                cells
            }))
            .collect();
        crate::text::layout::write_table(f, &rows)
    }
}

impl Table {
    /// The report table of `region` for `period`: every indicator the table has for them.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::NotFound`] when the table has nothing for the region and period.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert!(t.report("示例县", &"2022年".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report(&self, region: &str, period: &Period) -> Result<Report> {
        let lines: Vec<ReportLine> = self
            .iter()
            .filter(|o| o.region() == region.trim() && o.period() == *period)
            .map(|o| self.report_line(&o))
            .collect();
        if lines.is_empty() {
            return Err(Error::not_found(format_args!(
                "figures of {} in {period}",
                region.trim()
            )));
        }
        Ok(Report {
            region: region.trim().to_string(),
            period: *period,
            lines,
        })
    }
}

impl Table {
    /// The report-table line of one observation: its figure, last year's, the growth, the target
    /// (its own or the year's), 完成率 and 序时进度差 — what [`Table::report`] gives for each
    /// indicator, for any row. With [`Table::iter`] it gives every region's, indicator's and
    /// period's line in one pass, without grouping the table by region and period first.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Table, WriteOptions};
    /// let csv = "地区,指标,时期,数值,同比增长,目标\n甲镇,fai,2023年1—10月,47149万元,6.6,5.6亿元\n甲镇,fai,2022年1—10月,45695万元,,\n乙乡,retail,2023年,1.2亿元,,\n";
    /// let (t, _) = Table::read_csv(csv.as_bytes())?;
    /// let lines: Vec<[String; 7]> = t.iter().map(|o| t.report_line(&o).cells(&WriteOptions::new())).collect();
    /// assert_eq!(lines.len(), 3);
    /// assert_eq!(lines[1].join(","), "固定资产投资,47149万元,45695万元,增长6.6%,5.6亿元,84.2%,快于序时进度0.9个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn report_line(&self, observation: &ObservationRef<'_>) -> ReportLine {
        let o = observation;
        let period = o.period();
        let row = o.row();
        let target = self.target_of(&row);
        let completion = target.and_then(|t| crate::completion(&o.value(), &t).ok());
        let previous = self.last_year(&row).map(|p| p.value);
        let elapsed = period.elapsed();
        ReportLine {
            indicator: o.indicator().clone(),
            current: o.value(),
            previous,
            yoy: self.yoy_of(o),
            target,
            completion,
            schedule: completion.and_then(|c| schedule_gap(&c, &elapsed).ok()),
            elapsed,
        }
    }
}

impl serde::Serialize for ReportLine {
    /// The line as a report tool prints it: the indicator (name and code, and `ad_hoc` when no
    /// catalog knows it), each figure as the report table shows it (computed ones rounded once,
    /// half away from zero), and the exact 完成率 beside the printed one.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let [name, current, previous, yoy, target, completion, gap] =
            self.cells_rounded(Rounding::default());
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("indicator", &name)?;
        m.serialize_entry("code", self.indicator.code())?;
        if self.indicator.is_ad_hoc() {
            m.serialize_entry("ad_hoc", &true)?;
        }
        m.serialize_entry("current", &current)?;
        let optional = |text: String| (!text.is_empty()).then_some(text);
        m.serialize_entry("previous", &optional(previous))?;
        m.serialize_entry("yoy", &optional(yoy))?;
        m.serialize_entry("yoy_detail", &self.yoy)?;
        m.serialize_entry("target", &optional(target))?;
        m.serialize_entry("completion", &optional(completion))?;
        // Every digit as a plain string (the computed Rate itself would be {"value", "shown"}).
        m.serialize_entry("completion_exact", &self.completion.map(|r| r.exact_text()))?;
        m.serialize_entry("schedule_gap", &optional(gap))?;
        m.end()
    }
}

impl serde::Serialize for Report {
    /// `{"region", "period", "lines": [...]}`; see [`ReportLine`]'s serialization.
    ///
    /// ```
    /// let csv = "地区,指标,时期,数值,目标\n示例乡,fai,2023年1—10月,46596万元,4.4亿元\n";
    /// let (t, _) = tongji::Table::read_csv(csv.as_bytes())?;
    /// let json = serde_json::to_value(t.report("示例乡", &"2023年1—10月".parse()?)?)?;
    /// assert_eq!(json["period"], "2023年1—10月");
    /// assert_eq!(json["lines"][0]["completion"], "105.9%");
    /// assert_eq!(json["lines"][0]["schedule_gap"], "快于序时进度22.6个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Report", 3)?;
        s.serialize_field("region", &self.region)?;
        s.serialize_field("period", &self.period)?;
        s.serialize_field("lines", &self.lines)?;
        s.end()
    }
}
