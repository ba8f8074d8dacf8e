//! The report table of one region and period: 指标, 本期, 上年同期, 同比增长, 目标, 完成率, 序时进度差.

use std::fmt;

use super::{Table, Yoy};
use crate::{Error, Indicator, Period, Quantity, Rate, Result, ScheduleGap, schedule_gap};

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
}

impl ReportLine {
    /// The indicator.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.lines()[0].indicator().code(), "gdp");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn indicator(&self) -> &Indicator {
        &self.indicator
    }

    /// 本期.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.lines()[0].current().to_string(), "1亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn current(&self) -> Quantity {
        self.current
    }

    /// 上年同期, if in the table.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert!(t.report("示例县", &"2023年".parse()?)?.lines()[0].previous().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn previous(&self) -> Option<Quantity> {
        self.previous
    }

    /// 同比增长, published and recomputed.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,同比增长\n示例县,gdp,2023年,1亿元,4.5\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.lines()[0].yoy().to_string(), "增长4.5%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn yoy(&self) -> Yoy {
        self.yoy
    }

    /// 目标, the period's or the year's.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,目标\n示例县,fai,2023年,4.2亿元,4.4亿元\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.lines()[0].target().unwrap().to_string(), "4.4亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target(&self) -> Option<Quantity> {
        self.target
    }

    /// 完成率, when there is a target.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,目标\n示例县,fai,2023年,4.4亿元,4.4亿元\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.lines()[0].completion().unwrap().to_string(), "100.0%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn completion(&self) -> Option<Rate> {
        self.completion
    }

    /// 序时进度差, when there is a target.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,目标\n示例县,fai,2023年,4.4亿元,4.4亿元\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.lines()[0].schedule_gap().unwrap().to_string(), "与序时进度持平");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule_gap(&self) -> Option<ScheduleGap> {
        self.schedule
    }

    /// The cells in the order of [`Report::HEADER`], as text ("" where there is nothing).
    pub(crate) fn cells(&self) -> [String; 7] {
        let opt = |o: Option<String>| o.unwrap_or_default();
        [
            self.indicator.name().to_string(),
            self.current.to_string(),
            opt(self.previous.map(|q| q.to_string())),
            if self.yoy.published().is_none() && self.yoy.recomputed().is_none() {
                String::new()
            } else {
                self.yoy.to_string()
            },
            opt(self.target.map(|q| q.to_string())),
            opt(self.completion.map(|r| r.to_string())),
            opt(self.schedule.map(|g| g.to_string())),
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
    pub const HEADER: [&'static str; 7] = [
        "指标",
        "本期",
        "上年同期",
        "同比增长",
        "目标",
        "完成率",
        "序时进度差",
    ];

    /// The lines, in catalog order.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.lines().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[ReportLine] {
        &self.lines
    }

    /// The region.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.region(), "示例县");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The period.
    ///
    /// # Examples
    ///
    /// ```
    /// # let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert_eq!(t.report("示例县", &"2023年".parse()?)?.period().to_string(), "2023年");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {}", self.region, self.period)?;
        let rows: Vec<[String; 7]> = std::iter::once(Report::HEADER.map(str::to_string))
            .chain(self.lines.iter().map(ReportLine::cells))
            .collect();
        // Column widths in display columns: a CJK character takes two.
        let width = |s: &str| {
            s.chars()
                .map(|c| if c.is_ascii() { 1 } else { 2 })
                .sum::<usize>()
        };
        let widths: Vec<usize> = (0..7)
            .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
            .collect();
        for row in &rows {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if c < 6 {
                    line.push_str(&" ".repeat(widths[c] - width(cell) + 2));
                }
            }
            writeln!(f, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

impl Table {
    /// The report table of `region` for `period`: every indicator the table has for them.
    ///
    /// # Errors
    ///
    /// [`Error::Missing`] when the table has nothing for the region and period.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert!(t.report("示例县", &"2022年".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn report(&self, region: &str, period: &Period) -> Result<Report> {
        let mut lines = Vec::new();
        for o in self
            .iter()
            .filter(|o| o.region() == region.trim() && o.period() == *period)
        {
            let target = self.target_of(o.row);
            let completion = target.and_then(|t| crate::completion(&o.value(), &t).ok());
            let previous = period
                .same_period_last_year()
                .ok()
                .and_then(|p| self.get(region, o.indicator().code(), &p))
                .map(|p| p.value());
            lines.push(ReportLine {
                indicator: o.indicator().clone(),
                current: o.value(),
                previous,
                yoy: self.yoy_of(&o),
                target,
                completion,
                schedule: completion.map(|c| schedule_gap(&c, &period.elapsed())),
            });
        }
        if lines.is_empty() {
            return Err(Error::Missing {
                what: format!("figures of {} in {period}", region.trim()),
            });
        }
        Ok(Report {
            region: region.trim().to_string(),
            period: *period,
            lines,
        })
    }
}
