//! Wide tables, as statistics offices export them: title rows, a header row (sometimes two), one
//! indicator a row with value columns (本月, 1-本月累计, 上年同期, 同比增长(%), 年度目标, 完成率), or
//! regions as columns (甲镇, 乙乡, 合计), and footnotes. The same reader serves CSV and workbook
//! sheets: both are a [`Grid`] of text cells first.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use super::columns::header_key;
use super::grid::{Grid, GridRow};
use crate::table::{Field, Parsed};
use crate::text::number::parse_decimal;
use crate::{
    Catalog, Error, Period, Quantity, Rate, Result, Rounding, RoundingMode, Status, Table,
    UnitSpec, WideOptions,
};

/// What a column of a wide table holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Role {
    Indicator,
    Unit,
    /// 本月: the last month of the period.
    Month,
    /// 1-本月累计, 累计, 本期: the period to date.
    Cumulative,
    /// 上年同期(累计).
    Previous,
    /// 上年同月.
    PreviousMonth,
    /// 同比增长(%), 累计增长: of the period to date.
    Yoy,
    /// 本月增长.
    MonthYoy,
    Target,
    Completion,
    /// A region's figures (regions as columns).
    Region(String),
    Ignored,
}

/// Where a setting of the layout came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Options,
    Title,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Source::Options => "from the options",
            Source::Title => "from the title",
        })
    }
}

/// One column as mapped: its header as written, what it holds, the period it is of (when the
/// header names one), and the unit its header gives ("本月(万元)").
#[derive(Debug, Clone)]
struct Mapped {
    /// The grid column (a sheet's columns may start past A).
    at: usize,
    header: String,
    role: Role,
    period: Option<Period>,
    unit: Option<UnitSpec>,
}

/// What the wide-table reader found in a file: where the header is, the region, period and unit
/// the file (or the options) gives, what each column holds, and the periods footnotes give single
/// indicators. Display lists it, so that a user can see how the file was read.
///
/// # Examples
///
/// ```
/// use tongji::{Table, WideOptions};
/// let csv = "XX县2023年1-10月主要经济指标完成情况\n单位：万元\n指标名称,1-本月累计,上年同期,增长%,备注\n固定资产投资,47149,45695,6.6,\n注：地区生产总值为前三季度数据\n";
/// let layout = Table::inspect_wide_csv(csv.as_bytes(), &WideOptions::new())?;
/// assert_eq!(layout.header_line(), 3);
/// assert_eq!(layout.region(), Some("XX县"));
/// assert_eq!(layout.to_string(), "\
/// header: line 3
/// region: XX县 (from the title)
/// period: 2023年1—10月 (from the title)
/// unit: 万元 (from the title)
/// 指标名称 → indicator
/// 1-本月累计 → value of 2023年1—10月
/// 上年同期 → value of 2022年1—10月
/// 增长% → published growth of 2023年1—10月
/// 备注 → not read
/// footnote: 地区生产总值 is of 2023年前三季度
/// ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct WideLayout {
    header_line: u64,
    region: Option<(String, Source)>,
    period: Option<(Period, Source)>,
    unit: Option<(UnitSpec, Source)>,
    columns: Vec<Mapped>,
    footnotes: Vec<(String, Period)>,
    /// Rows of the header (1 or 2).
    header_rows: usize,
}

impl WideLayout {
    /// The line (or sheet row) of the header, from 1.
    ///
    /// # Examples
    ///
    /// ```
    /// let layout = tongji::Table::inspect_wide_csv("指标名称,本月\n".as_bytes(), &tongji::WideOptions::new())?;
    /// assert_eq!(layout.header_line(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn header_line(&self) -> u64 {
        self.header_line
    }

    /// The region every row is of, if the file or the options name one.
    ///
    /// # Examples
    ///
    /// ```
    /// let layout = tongji::Table::inspect_wide_csv("指标名称,本月\n".as_bytes(), &tongji::WideOptions::new())?;
    /// assert_eq!(layout.region(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> Option<&str> {
        self.region.as_ref().map(|(r, _)| r.as_str())
    }

    /// The period of the table (本月 is its last month), if the file or the options name one.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "2023年1—10月\n指标名称,本月\n";
    /// let layout = tongji::Table::inspect_wide_csv(csv.as_bytes(), &tongji::WideOptions::new())?;
    /// assert_eq!(layout.period().map(|p| p.to_string()), Some("2023年1—10月".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(&self) -> Option<Period> {
        self.period.map(|(p, _)| p)
    }

    /// Each column's header as written, with what the reader takes it to hold.
    ///
    /// # Examples
    ///
    /// ```
    /// let layout = tongji::Table::inspect_wide_csv("指标名称,上年同期累计\n".as_bytes(), &tongji::WideOptions::new())?;
    /// let columns: Vec<(&str, String)> = layout.columns().collect();
    /// assert_eq!(columns[1], ("上年同期累计", "value of the same period last year".to_string()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn columns(&self) -> impl Iterator<Item = (&str, String)> {
        self.columns
            .iter()
            .map(|c| (c.header.as_str(), self.describe(c)))
    }

    fn describe(&self, c: &Mapped) -> String {
        let periods = self.period().map(Periods::of);
        let of = |p: Option<Period>, what: &str| match p {
            Some(p) => format!("{what} of {p}"),
            None => format!("{what} of the {}", self.unnamed(&c.role)),
        };
        let text = match &c.role {
            Role::Indicator => "indicator".to_string(),
            Role::Unit => "unit".to_string(),
            Role::Month => of(c.period.or_else(|| periods.map(|p| p.month)), "value"),
            Role::Cumulative => of(c.period.or_else(|| periods.map(|p| p.to_date)), "value"),
            Role::Previous => of(
                c.period
                    .or_else(|| periods.and_then(|p| p.to_date.same_period_last_year().ok())),
                "value",
            ),
            Role::PreviousMonth => of(
                c.period
                    .or_else(|| periods.and_then(|p| p.month.same_period_last_year().ok())),
                "value",
            ),
            Role::Yoy => of(periods.map(|p| p.to_date), "published growth"),
            Role::MonthYoy => of(periods.map(|p| p.month), "published growth"),
            Role::Target => "target".to_string(),
            Role::Completion => "published 完成率 (checked against value and target)".to_string(),
            Role::Region(r) => format!("region {r}"),
            Role::Ignored => "not read".to_string(),
        };
        match c.unit {
            Some(u) => format!("{text}, in {u}"),
            None => text,
        }
    }

    fn unnamed(&self, role: &Role) -> &'static str {
        match role {
            Role::Month => "month",
            Role::Previous => "same period last year",
            Role::PreviousMonth => "same month last year",
            _ => "period",
        }
    }
}

impl fmt::Display for WideLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "header: line {}", self.header_line)?;
        if let Some((r, s)) = &self.region {
            writeln!(f, "region: {r} ({s})")?;
        }
        if let Some((p, s)) = &self.period {
            writeln!(f, "period: {p} ({s})")?;
        }
        if let Some((u, s)) = &self.unit {
            writeln!(f, "unit: {u} ({s})")?;
        }
        for c in &self.columns {
            writeln!(f, "{} → {}", c.header, self.describe(c))?;
        }
        for (name, p) in &self.footnotes {
            writeln!(f, "footnote: {name} is of {p}")?;
        }
        Ok(())
    }
}

/// The periods of a table's columns, from its period.
#[derive(Debug, Clone, Copy)]
struct Periods {
    /// 本月.
    month: Period,
    /// 累计: from January (the period itself when it starts in January).
    to_date: Period,
}

impl Periods {
    fn of(p: Period) -> Periods {
        let (first, last) = p.months();
        let year = p.calendar_year();
        let month = Period::month(year, last).unwrap_or(p);
        let to_date = if first == 1 {
            p
        } else {
            Period::year_to_month(year, last).unwrap_or(p)
        };
        Periods { month, to_date }
    }
}

/// An indicator name without a trailing unit in parentheses: "全社会用电量(万千瓦时)" →
/// ("全社会用电量", 万千瓦时); "固定资产投资(不含农户)" is a name as it is.
fn name_and_unit(cell: &str) -> (&str, Option<UnitSpec>) {
    let Some(open) = cell.rfind(['(', '（']) else {
        return (cell, None);
    };
    let inner = cell[open..]
        .trim_start_matches(['(', '（'])
        .strip_suffix([')', '）']);
    match inner.map(str::parse::<UnitSpec>) {
        Some(Ok(u)) if open > 0 => (cell[..open].trim_end(), Some(u)),
        _ => (cell, None),
    }
}

const INDICATOR: &[&str] = &[
    "指标名称",
    "指标",
    "项目",
    "指标名",
    "名称",
    "主要指标",
    "项目名称",
    "indicator",
];
const UNIT: &[&str] = &["计量单位", "单位", "unit"];
const MONTH: &[&str] = &[
    "本月",
    "当月",
    "本月数",
    "当月数",
    "本月完成",
    "当月完成",
    "month",
];
const CUMULATIVE: &[&str] = &[
    "1-本月累计",
    "1-本月",
    "累计",
    "本年累计",
    "累计完成",
    "本期",
    "本期数",
    "本年",
    "今年",
    "本年实际",
    "完成",
    "完成数",
    "实际完成",
    "1-本月完成",
    "本年1-本月",
    "年初至本月累计",
    "value",
    "数值",
];
const PREVIOUS: &[&str] = &[
    "上年同期",
    "上年同期累计",
    "去年同期",
    "上年同期数",
    "上年累计",
    "上年",
    "上年同期完成",
    "previous",
];
const PREVIOUS_MONTH: &[&str] = &["上年同月", "上年本月", "去年同月", "上年同期本月"];
const YOY: &[&str] = &[
    "同比增长",
    "增长",
    "增长%",
    "±%",
    "+-%",
    "增减%",
    "增减",
    "增速",
    "增幅",
    "累计增长",
    "累计增速",
    "同比",
    "同比±%",
    "同比增减",
    "同比增速",
    "比上年同期增长",
    "比上年同期±%",
    "增长率",
    "yoy",
];
const MONTH_YOY: &[&str] = &[
    "本月增长",
    "当月增长",
    "本月同比增长",
    "当月同比增长",
    "本月增速",
    "当月增速",
    "本月±%",
];
const TARGET: &[&str] = &[
    "年度目标",
    "目标",
    "计划",
    "年度计划",
    "目标任务",
    "全年目标",
    "年度任务",
    "全年计划",
    "年度目标任务",
    "任务数",
    "target",
];
const COMPLETION: &[&str] = &[
    "完成率",
    "完成年度目标",
    "完成年度目标%",
    "完成计划",
    "完成年度计划",
    "占年度目标",
    "占年度任务",
    "完成全年目标",
    "目标完成率",
    "占年度目标任务",
    "完成年度任务",
];
const IGNORED: &[&str] = &["备注", "序号", "说明", "排名", "位次", "note"];

/// What a header cell holds, with its own unit and (for "1-10月", "2022年1-10月") its period;
/// `None` when it is not a column the reader knows.
fn classify(cell: &str, year: Option<i32>) -> Option<(Role, Option<Period>, Option<UnitSpec>)> {
    let (key, unit) = header_key(cell);
    let name = key.as_str();
    match roles().get(name) {
        Some(role) => Some((role.clone(), None, unit)),
        None => months_header(name, year).map(|(role, p)| (role, Some(p), unit)),
    }
}

/// Every header name the reader knows, in key form, with its role; of two lists naming the same
/// key the earlier wins (本月增长 is a month's growth before it is a growth). Built once: a header
/// is looked for in the first 30 rows of a file, cell by cell.
fn roles() -> &'static HashMap<String, Role> {
    static ROLES: OnceLock<HashMap<String, Role>> = OnceLock::new();
    ROLES.get_or_init(|| {
        let lists: [(&[&str], Role); 11] = [
            (INDICATOR, Role::Indicator),
            (UNIT, Role::Unit),
            (MONTH_YOY, Role::MonthYoy),
            (YOY, Role::Yoy),
            (COMPLETION, Role::Completion),
            (MONTH, Role::Month),
            (PREVIOUS_MONTH, Role::PreviousMonth),
            (PREVIOUS, Role::Previous),
            (CUMULATIVE, Role::Cumulative),
            (TARGET, Role::Target),
            (IGNORED, Role::Ignored),
        ];
        let mut map = HashMap::new();
        for (names, role) in lists {
            for n in names {
                map.entry(header_key(n).0).or_insert_with(|| role.clone());
            }
        }
        map
    })
}

/// A header that is a period: "1-10月", "10月", "2023年1-10月", "2022年1-10月" (last year's).
fn months_header(name: &str, year: Option<i32>) -> Option<(Role, Period)> {
    let full = name.contains('年');
    let p: Period = if full {
        name.parse().ok()?
    } else {
        format!("{}年{name}", year?).parse().ok()?
    };
    let last_year = year.is_some_and(|y| p.calendar_year() + 1 == y);
    let role = match (p.is_cumulative() || p.months().0 == 1, last_year) {
        (true, false) => Role::Cumulative,
        (true, true) => Role::Previous,
        (false, false) => Role::Month,
        (false, true) => Role::PreviousMonth,
    };
    Some((role, p))
}

/// The period a title names: the year and what follows it ("2023年1-10月主要…" → 2023年1—10月).
fn period_in(text: &str) -> Option<Period> {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        let digits = chars[start..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits != 4
            || (start > 0 && chars[start - 1].is_ascii_digit())
            || chars.get(start + 4) != Some(&'年')
        {
            continue;
        }
        let rest_start = start + 5;
        let longest = (chars.len() - rest_start).min(10);
        for len in (0..=longest).rev() {
            let candidate: String = chars[start..rest_start + len].iter().collect();
            if let Ok(p) = candidate.parse::<Period>() {
                return Some(p);
            }
        }
    }
    None
}

/// The region a title names before its year ("XX县2023年…" → "XX县").
fn region_in(text: &str) -> Option<String> {
    let t = text.trim();
    let year = t.char_indices().find(|(_, c)| c.is_ascii_digit())?.0;
    let before = t[..year]
        .trim()
        .trim_start_matches("关于")
        .trim_end_matches(['（', '(', '，', ',', ' ']);
    let ok = !before.is_empty()
        && before.chars().count() <= 20
        && !before.chars().any(|c| c.is_ascii_digit());
    ok.then(|| before.to_string())
}

/// The unit a "单位：万元" line gives ("制表单位：" and "填报单位：" name an office, not a unit).
fn unit_in(text: &str) -> Option<UnitSpec> {
    let at = text.find("单位")?;
    let before = &text[..at];
    if before.ends_with("制表")
        || before.ends_with("填报")
        || before.ends_with("报送")
        || before.ends_with("编制")
    {
        return None;
    }
    let after = text[at + "单位".len()..].trim_start_matches(['：', ':', ' ']);
    let end = after
        .find(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '；' | ';' | '）' | ')'))
        .unwrap_or(after.len());
    after[..end].parse().ok()
}

/// Whether a row is a footnote ("注：…", "注1.…", "说明：…", "数据来源：…"); an indicator whose name
/// begins with the same characters ("注册资本", "说明书产量") is not one.
fn footnote_text(row: &GridRow) -> Option<String> {
    let first = row.texts().next()?;
    let is_note = ["注", "说明", "备注", "附注", "数据来源", "资料来源"]
        .iter()
        .any(|w| match first.strip_prefix(w) {
            Some(rest) => {
                rest.is_empty()
                    || rest.starts_with(['：', ':', ' ', '　', '.', '、', '①', '（', '('])
                    || rest.starts_with(|c: char| c.is_ascii_digit())
            }
            None => false,
        });
    is_note.then(|| row.texts().collect::<Vec<_>>().join(""))
}

/// The indicators a footnote gives their own period: "地区生产总值为前三季度数据",
/// "GDP、工业增加值为1-9月数", "注：1.…；2.…".
fn footnote_periods(text: &str, year: Option<i32>) -> Vec<(String, Period)> {
    let body = text
        .trim_start_matches(|c: char| !matches!(c, '：' | ':'))
        .trim_start_matches(['：', ':']);
    let body = if body.is_empty() { text } else { body };
    let mut found = Vec::new();
    for clause in body.split(['；', ';', '。', '\n', '，', ',']) {
        let clause = clause
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、' | '．'));
        let Some(at) = clause.find('为').or_else(|| clause.find('是')) else {
            continue;
        };
        let names = &clause[..at];
        let rest = &clause[at + '为'.len_utf8()..];
        let rest = rest
            .trim_end_matches("数据")
            .trim_end_matches("数")
            .trim_end_matches("的");
        let period = if rest.contains('年') {
            rest.parse().ok()
        } else {
            year.and_then(|y| format!("{y}年{rest}").parse().ok())
        };
        let Some(period) = period else { continue };
        for name in names.split(['、', '和', '及', '与']) {
            let name = name.trim();
            if !name.is_empty() {
                found.push((name.to_string(), period));
            }
        }
    }
    found
}

/// How many leading rows a header search looks at.
const HEADER_SEARCH: usize = 30;

/// Finds the header row and maps its columns; reads title rows and footnotes.
fn layout(grid: &Grid, options: &WideOptions) -> Result<(WideLayout, usize)> {
    let mut region = options
        .region_name()
        .map(|r| (r.to_string(), Source::Options));
    let mut period = options.period_given().map(|p| (p, Source::Options));
    let mut unit = options.unit_given().map(|u| (u, Source::Options));
    let mut header_at = None;
    for (i, row) in grid.rows.iter().enumerate().take(HEADER_SEARCH) {
        let year = period.map(|(p, _)| p.calendar_year());
        let roles: Vec<Option<Role>> = row
            .cells
            .iter()
            .map(|c| classify(c, year).map(|(r, _, _)| r))
            .collect();
        if roles.contains(&Some(Role::Indicator)) && row.texts().count() >= 2 {
            header_at = Some(i);
            break;
        }
        // A title row: the region, the period, the unit.
        let text: String = row.texts().collect::<Vec<_>>().join(" ");
        if region.is_none() {
            if let Some(r) = region_in(&text).filter(|_| period_in(&text).is_some()) {
                region = Some((r, Source::Title));
            }
        }
        if period.is_none() {
            period = period_in(&text).map(|p| (p, Source::Title));
        }
        if unit.is_none() {
            unit = row.texts().find_map(unit_in).map(|u| (u, Source::Title));
        }
    }
    let Some(header_at) = header_at else {
        let seen: Vec<String> = grid
            .rows
            .iter()
            .take(3)
            .map(|r| r.texts().collect::<Vec<_>>().join(","))
            .collect();
        let e = Error::missing_column(
            "指标名称/指标/项目 beside value columns (本月, 1-本月累计, 上年同期, 同比增长(%), 年度目标, 完成率) or regions",
            &seen.join(" / "),
        );
        return Err(match grid.rows.first() {
            Some(first) => grid.locate(e, first, None, ""),
            None => e,
        });
    };
    let header = &grid.rows[header_at];
    let year = period.map(|(p, _)| p.calendar_year());
    // A second header row: no indicator, and cells that are column names, not figures.
    let second = grid.rows.get(header_at + 1).filter(|r| {
        let indicator_column = header
            .cells
            .iter()
            .position(|c| classify(c, year).is_some_and(|(r, _, _)| r == Role::Indicator));
        indicator_column.is_some_and(|c| r.cell(c).is_empty())
            && r.texts().any(|t| classify(t, year).is_some())
            && r.texts().all(|t| parse_decimal(t, "a number").is_err())
    });
    let mut columns = Vec::new();
    let mut upper = String::new();
    let width = header.cells.len().max(second.map_or(0, |r| r.cells.len()));
    for c in 0..width {
        let top = header.cell(c);
        if !top.is_empty() {
            upper = top.to_string();
        }
        let lower = second.map_or("", |r| r.cell(c));
        let (written, mapped) = if lower.is_empty() {
            (top.to_string(), classify(top, year))
        } else {
            // Merged cells carry the upper header right: "1-10月" over "本年 | 上年".
            let hint = months_header(&header_key(&upper).0, year).map(|(_, p)| p);
            let written = if upper.is_empty() {
                lower.to_string()
            } else {
                format!("{upper}/{lower}")
            };
            let mapped = classify(lower, year).map(|(role, p, u)| {
                let p = p.or_else(|| match role {
                    Role::Cumulative | Role::Month => hint,
                    Role::Previous | Role::PreviousMonth => {
                        hint.and_then(|h| h.same_period_last_year().ok())
                    }
                    _ => None,
                });
                (role, p, u)
            });
            (written, mapped)
        };
        if written.is_empty() {
            continue;
        }
        let (role, period, unit) =
            mapped.unwrap_or_else(|| (Role::Region(written.clone()), None, None));
        columns.push((
            c,
            Mapped {
                at: c,
                header: written,
                role,
                period,
                unit,
            },
        ));
    }
    let has_values = columns.iter().any(|(_, m)| {
        matches!(
            m.role,
            Role::Month
                | Role::Cumulative
                | Role::Previous
                | Role::PreviousMonth
                | Role::Yoy
                | Role::MonthYoy
                | Role::Target
        )
    });
    if has_values {
        // Columns the reader does not know are left alone, and shown as such.
        for (_, m) in &mut columns {
            if matches!(m.role, Role::Region(_)) {
                m.role = Role::Ignored;
            }
        }
    } else {
        for (_, m) in &mut columns {
            if let Role::Region(name) = &m.role {
                if crate::table::audit::is_total(&header_key(name).0) {
                    if let Some((r, _)) = &region {
                        m.role = Role::Region(r.clone());
                    }
                }
            }
        }
    }
    let header_rows = 1 + usize::from(second.is_some());
    let footnotes = grid.rows[header_at + header_rows..]
        .iter()
        .filter_map(footnote_text)
        .flat_map(|t| footnote_periods(&t, year))
        .collect();
    let mapped = WideLayout {
        header_line: header.line,
        region,
        period,
        unit,
        columns: columns.into_iter().map(|(_, m)| m).collect(),
        footnotes,
        header_rows,
    };
    Ok((mapped, header_at))
}

/// The layout of a grid; see [`Table::inspect_wide_csv`].
pub(crate) fn inspect(grid: &Grid, options: &WideOptions) -> Result<WideLayout> {
    layout(grid, options).map(|(l, _)| l)
}

/// Whether a cell's text is a spreadsheet formula error.
fn is_formula_error(text: &str) -> bool {
    matches!(
        text,
        "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!" | "#DATA!"
    )
}

/// The error of a cell holding a formula error.
fn formula_error(text: &str) -> Error {
    Error::parse(
        text,
        "a figure",
        "the cell holds a formula error, not a figure",
        0,
    )
}

/// A figure from its cell, in the first unit that applies: the one written with it, the row's
/// (计量单位 column or "(亿元)" after the name), the column's ("本月(万元)"), the file's ("单位：万元"),
/// and for a magnitude written without a unit ("47149万") the indicator's unit in the catalog.
fn quantity(
    text: &str,
    unit: Option<UnitSpec>,
    catalog_unit: Option<crate::Unit>,
) -> Result<Quantity> {
    if is_formula_error(text) {
        return Err(formula_error(text));
    }
    if let Ok(number) = parse_decimal(text, "a number") {
        return match unit {
            Some(u) => Quantity::written(number, u.magnitude(), u.unit(), None),
            None => Err(Error::parse(
                text,
                "a quantity",
                "expected a unit: a 计量单位 column, a unit in the header (本月(万元)), a 单位：万元 line, WideOptions::unit, or the figure written with its unit",
                text.len(),
            )),
        };
    }
    match text.parse::<Quantity>() {
        Ok(q) => Ok(q),
        Err(e) if e.is_parse() => {
            // "47149万": a magnitude without a unit.
            let fallback = unit.map(|u| u.unit()).or(catalog_unit);
            match fallback {
                Some(u) => format!("{text}{u}").parse().map_err(|_| e),
                None => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// A published growth rate or 完成率 cell: "6.6" (percent), "6.6%", "增长6.6%", "-2.3".
fn rate(text: &str) -> Result<Rate> {
    if is_formula_error(text) {
        return Err(formula_error(text));
    }
    text.parse::<Rate>()
        .or_else(|e| match text.parse::<crate::Growth>() {
            Ok(crate::Growth::Rate(r)) => Ok(r),
            _ => Err(e),
        })
}

/// Whether a published 完成率 is what the level and target give, at its printed places (either
/// rounding).
fn completion_agrees(published: &Rate, computed: &Rate) -> bool {
    let places = published.percent().scale();
    [RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven]
        .iter()
        .any(|m| {
            computed
                .rounded(Rounding::new(places).with_mode(*m))
                .percent()
                == published.percent()
        })
}

/// Reads the data rows of `grid` into a table; see [`Table::read_wide_csv`].
pub(crate) fn read(grid: Grid, options: &WideOptions) -> Result<(Table, Vec<Error>)> {
    let (layout, header_at) = layout(&grid, options)?;
    let csv_options = options.csv_options();
    let strict = csv_options.is_strict();
    let mut bad = grid.bad.clone();
    if strict {
        if let Some(first) = bad.first() {
            return Err(first.clone());
        }
    }
    let Some((base, _)) = layout.period else {
        return Err(Error::not_found(
            "period: the file has no title naming one (2023年1-10月); name it with WideOptions::period",
        ));
    };
    let periods = Periods::of(base);
    let regions_as_columns = layout
        .columns
        .iter()
        .any(|m| matches!(m.role, Role::Region(_)));
    let file_region = layout.region.as_ref().map(|(r, _)| r.as_str());
    if !regions_as_columns && file_region.is_none() {
        return Err(Error::not_found(
            "region: the file has no title naming one (XX县2023年…); name it with WideOptions::region",
        ));
    }
    let column = |role: &dyn Fn(&Role) -> bool| -> Option<(usize, &Mapped)> {
        layout
            .columns
            .iter()
            .find(|m| role(&m.role))
            .map(|m| (m.at, m))
    };
    let indicator_column = column(&|r| *r == Role::Indicator);
    let Some((indicator_at, indicator_mapped)) = indicator_column else {
        return Err(Error::missing_column("指标名称", ""));
    };
    let indicator_header = indicator_mapped.header.as_str();
    let unit_column = column(&|r| *r == Role::Unit);
    let cumulative_column = column(&|r| *r == Role::Cumulative);
    let month_column = column(&|r| *r == Role::Month);
    let mut table = Table::with_catalog(csv_options.catalog_of().clone());
    let catalog: &Catalog = csv_options.catalog_of();
    let ad_hoc = !csv_options.is_strict_catalog();
    let footnote_period = |name: &str| -> Option<Period> {
        if layout.footnotes.is_empty() {
            return None;
        }
        let key = crate::indicator::catalog::key_of(name);
        let code = catalog.get(name).map(crate::Indicator::code);
        layout.footnotes.iter().find_map(|(n, p)| {
            let same = crate::indicator::catalog::key_of(n) == key
                || code.is_some() && catalog.get(n).map(crate::Indicator::code) == code;
            same.then_some(*p)
        })
    };
    for row in &grid.rows[header_at + layout.header_rows..] {
        if row.is_blank() || footnote_text(row).is_some() {
            continue;
        }
        let name_cell = row.cell(indicator_at);
        if name_cell.is_empty() {
            // Figures without an indicator are not dropped silently.
            let figures = layout.columns.iter().any(|m| {
                m.role != Role::Unit && m.role != Role::Ignored && !row.cell(m.at).is_empty()
            });
            if figures {
                let e = Error::empty("the indicator name of a row with figures");
                let e = grid.locate(e, row, Some(indicator_at), indicator_header);
                if strict {
                    return Err(e);
                }
                bad.push(e);
            }
            continue;
        }
        let mut errors: Vec<Error> = Vec::new();
        let (name, name_unit) = name_and_unit(name_cell);
        let row_unit = match unit_column {
            Some((at, m)) => match row.cell(at) {
                "" => None,
                text => match text.parse::<UnitSpec>() {
                    Ok(u) => Some(u),
                    Err(e) => {
                        errors.push(grid.locate(e, row, Some(at), &m.header));
                        None
                    }
                },
            },
            None => None,
        };
        let catalog_unit = catalog.get(name).map(crate::Indicator::unit);
        let own_period = footnote_period(name);
        let mut observations: Vec<(&Role, Parsed<'_>, usize, &str)> = Vec::with_capacity(4);
        let mut yoy = None;
        let mut month_yoy = None;
        let mut target = None;
        let mut completion = None;
        for m in &layout.columns {
            let at = m.at;
            let text = row.cell(at);
            if text.is_empty() || super::columns::no_data(text) {
                continue;
            }
            let unit = row_unit
                .or(name_unit)
                .or(m.unit)
                .or_else(|| layout.unit.map(|(u, _)| u));
            let locate = |e: Error| grid.locate(e, row, Some(at), &m.header);
            let (region, period) = match &m.role {
                Role::Month => (file_region, m.period.unwrap_or(periods.month)),
                Role::Cumulative => (
                    file_region,
                    m.period.or(own_period).unwrap_or(periods.to_date),
                ),
                Role::Previous => {
                    let p = match m.period {
                        Some(p) => Ok(p),
                        None => own_period
                            .unwrap_or(periods.to_date)
                            .same_period_last_year(),
                    };
                    match p {
                        Ok(p) => (file_region, p),
                        Err(e) => {
                            errors.push(locate(e));
                            continue;
                        }
                    }
                }
                Role::PreviousMonth => match m
                    .period
                    .map_or_else(|| periods.month.same_period_last_year(), Ok)
                {
                    Ok(p) => (file_region, p),
                    Err(e) => {
                        errors.push(locate(e));
                        continue;
                    }
                },
                Role::Region(r) => (
                    Some(r.as_str()),
                    m.period.or(own_period).unwrap_or_else(|| {
                        if base.months().0 == 1 {
                            periods.to_date
                        } else {
                            base
                        }
                    }),
                ),
                Role::Yoy | Role::MonthYoy | Role::Completion => {
                    match rate(text) {
                        Ok(r) => match m.role {
                            Role::Yoy => yoy = Some(r),
                            Role::MonthYoy => month_yoy = Some(r),
                            _ => completion = Some((r, at, m.header.clone())),
                        },
                        Err(e) => errors.push(locate(e)),
                    }
                    continue;
                }
                Role::Target => {
                    match quantity(text, unit, catalog_unit) {
                        Ok(q) => target = Some(q),
                        Err(e) => errors.push(locate(e)),
                    }
                    continue;
                }
                Role::Indicator | Role::Unit | Role::Ignored => continue,
            };
            let value = match quantity(text, unit, catalog_unit) {
                Ok(q) => q,
                Err(e) => {
                    errors.push(locate(e));
                    continue;
                }
            };
            let Some(region) = region else { continue };
            observations.push((
                &m.role,
                Parsed {
                    region,
                    indicator: name,
                    period,
                    value,
                    status: Status::default(),
                    yoy: None,
                    target: None,
                    partial: false,
                    ad_hoc,
                },
                at,
                m.header.as_str(),
            ));
        }
        // The period to date carries the growth and the target; 本月 its own growth.
        // Without a 累计 column, 本月 is the level they go with.
        let main_role = if cumulative_column.is_some() {
            Role::Cumulative
        } else {
            Role::Month
        };
        let main = observations.iter().position(|(r, ..)| **r == main_role);
        if let Some(i) = main {
            observations[i].1.yoy = if *observations[i].0 == Role::Cumulative {
                yoy
            } else {
                yoy.or(month_yoy)
            };
            observations[i].1.target = target;
            match (completion, target) {
                (Some((published, at, header)), Some(t)) => match crate::completion(&observations[i].1.value, &t) {
                    Ok(c) if !completion_agrees(&published, &c) => errors.push(grid.locate(
                        Error::inconsistent(format_args!(
                            "published 完成率 {published} is not what {} / {t} gives ({})",
                            observations[i].1.value,
                            c.rounded(Rounding::new(published.percent().scale().max(1)))
                        )),
                        row,
                        Some(at),
                        &header,
                    )),
                    Ok(_) => {}
                    Err(e) => errors.push(grid.locate(e, row, Some(at), &header)),
                },
                (Some((published, at, header)), None) => errors.push(grid.locate(
                    Error::not_found(format_args!(
                        "target for the published 完成率 {published}: a table keeps levels and targets, so the rate is not kept"
                    )),
                    row,
                    Some(at),
                    &header,
                )),
                (None, _) => {}
            }
        } else if (yoy.is_some() || target.is_some()) && errors.is_empty() {
            // (When the level's cell was bad, its error says why.)
            let (at, header) = match (cumulative_column, month_column) {
                (Some((at, m)), _) | (None, Some((at, m))) => (Some(at), m.header.as_str()),
                (None, None) => (None, ""),
            };
            errors.push(grid.locate(
                Error::not_found("level for the published growth or target of this row"),
                row,
                at,
                header,
            ));
        }
        if let Some(i) = observations.iter().position(|(r, ..)| **r == Role::Month) {
            if Some(i) != main {
                observations[i].1.yoy = month_yoy;
            }
        }
        for (_, parsed, at, header) in &observations {
            if let Err((field, e)) = table.push_parsed(parsed, row.line) {
                let column = match field {
                    Field::Indicator => Some(indicator_at),
                    Field::Value | Field::Target => Some(*at),
                    Field::Region | Field::Key => None,
                };
                let heading = match field {
                    Field::Value | Field::Target => header,
                    Field::Indicator => layout
                        .columns
                        .iter()
                        .find(|m| m.role == Role::Indicator)
                        .map_or("", |m| m.header.as_str()),
                    _ => "",
                };
                errors.push(grid.locate(e, row, column, heading));
                if field == Field::Indicator {
                    break;
                }
            }
        }
        if strict {
            if let Some(first) = errors.into_iter().next() {
                return Err(first);
            }
        } else {
            bad.extend(errors);
        }
    }
    // Cells merged over the data: a figure there is read into its first cell only.
    let data_from = layout.header_line + layout.header_rows as u64 - 1;
    if let super::grid::Origin::Sheet(sheet) = &grid.origin {
        for &((r0, c0), (r1, c1)) in &grid.merged {
            if u64::from(r0) + 1 > data_from && (r1 > r0 || c1 > c0) {
                let e = Error::spreadsheet(format_args!(
                    "cells {}:{} are merged over the data; a figure there belongs to one cell",
                    crate::error::a1(r0, c0),
                    crate::error::a1(r1, c1)
                ))
                .at_cell(sheet, r0, Some(c0));
                if strict {
                    return Err(e);
                }
                bad.push(e);
            }
        }
    }
    let duplicates = table.finish_loading();
    for (_, e) in duplicates {
        if strict {
            return Err(e);
        }
        bad.push(e);
    }
    bad.sort_by_key(Error::line);
    Ok((table, bad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_map_to_what_offices_mean() {
        let role = |h: &str| {
            classify(h, Some(2023))
                .map(|(r, p, u)| (r, p.map(|p| p.to_string()), u.map(|u| u.to_string())))
        };
        assert_eq!(role("1-本月累计"), Some((Role::Cumulative, None, None)));
        assert_eq!(role("1—本月累计"), Some((Role::Cumulative, None, None)));
        assert_eq!(role("累计增长(%)"), Some((Role::Yoy, None, None)));
        assert_eq!(role("同比增长（%）"), Some((Role::Yoy, None, None)));
        assert_eq!(role("±%"), Some((Role::Yoy, None, None)));
        assert_eq!(
            role("本月(万元)"),
            Some((Role::Month, None, Some("万元".into())))
        );
        assert_eq!(role("完成年度目标%"), Some((Role::Completion, None, None)));
        assert_eq!(
            role("1-10月"),
            Some((Role::Cumulative, Some("2023年1—10月".into()), None))
        );
        assert_eq!(
            role("2022年1-10月"),
            Some((Role::Previous, Some("2022年1—10月".into()), None))
        );
        assert_eq!(
            role("10月"),
            Some((Role::Month, Some("2023年10月".into()), None))
        );
        assert_eq!(role("甲镇"), None);
    }

    #[test]
    fn titles_give_region_period_and_unit() {
        let t = "XX县2023年1-10月主要经济指标完成情况";
        assert_eq!(
            period_in(t).map(|p| p.to_string()),
            Some("2023年1—10月".into())
        );
        assert_eq!(region_in(t), Some("XX县".into()));
        assert_eq!(
            period_in("示例市2023年前三季度经济运行").map(|p| p.to_string()),
            Some("2023年前三季度".into())
        );
        assert_eq!(
            period_in("2023年10月份统计月报").map(|p| p.to_string()),
            Some("2023年10月".into())
        );
        assert_eq!(
            unit_in("单位：万元").map(|u| u.to_string()),
            Some("万元".into())
        );
        assert_eq!(
            unit_in("单位:亿元，%").map(|u| u.to_string()),
            Some("亿元".into())
        );
        assert_eq!(unit_in("制表单位：XX县统计局"), None);
    }

    #[test]
    fn footnotes_give_indicators_their_period() {
        let found = footnote_periods(
            "注：地区生产总值、第一产业增加值为前三季度数据；2.规上工业为1-9月数。",
            Some(2023),
        );
        let shown: Vec<(String, String)> = found
            .iter()
            .map(|(n, p)| (n.clone(), p.to_string()))
            .collect();
        assert_eq!(
            shown,
            [
                ("地区生产总值".to_string(), "2023年前三季度".to_string()),
                ("第一产业增加值".to_string(), "2023年前三季度".to_string()),
                ("规上工业".to_string(), "2023年1—9月".to_string()),
            ]
        );
        assert!(footnote_periods("注：本表为快报数据", Some(2023)).is_empty());
    }
}
