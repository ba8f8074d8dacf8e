//! Observation tables: observations indexed by (region, indicator, period), with the figures a
//! report derives from them.

pub(crate) mod aggregate;
pub(crate) mod observation;
pub(crate) mod report;

use std::fmt;

use crate::indicator::growth::growth_of;
use crate::text::fast_map::FastMap;
use crate::{
    Catalog, Error, Growth, Indicator, Observation, Period, Quantity, Rate, Result, ScheduleGap,
    Status, completion, schedule_gap, share,
};

const NO_TARGET: u32 = u32::MAX;

/// One stored observation, compact: regions interned, indicator by catalog index.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    pub(crate) region: u32,
    pub(crate) indicator: u32,
    pub(crate) period: Period,
    pub(crate) value: Quantity,
    pub(crate) yoy: Option<Rate>,
    pub(crate) target: u32,
    pub(crate) line: u32,
    pub(crate) status: Status,
    pub(crate) partial: bool,
}

impl Row {
    fn key(&self) -> (u32, u32, Period) {
        (self.region, self.indicator, self.period)
    }
}

/// Observations indexed by (region, indicator, period), with the catalog that says what each
/// indicator is.
///
/// A table holds at most one observation per key: a second one is [`Error::Duplicate`] naming both.
/// From it come each row's growth (published wins; a recomputed one is marked as such, and not
/// computed at all where the catalog forbids), completion against the target, the gap to 序时进度,
/// the share of a parent indicator, and roll-ups across regions and months.
///
/// # Examples
///
/// ```
/// use tongji::{Period, Table};
/// let csv = "地区,指标,时期,数值,同比增长\n示例县,社会消费品零售总额,2023年,120.5亿元,\n示例县,社会消费品零售总额,2022年,110亿元,\n";
/// let (table, bad_rows) = Table::read_csv(csv.as_bytes())?;
/// assert!(bad_rows.is_empty());
/// let g = table.growth("示例县", "社会消费品零售总额", &"2023年".parse::<Period>()?)?;
/// assert_eq!(g.to_string(), "增长9.5%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Table {
    catalog: Catalog,
    regions: Vec<String>,
    region_ids: FastMap<String, u32>,
    /// Sorted by key, no two equal keys.
    rows: Vec<Row>,
    targets: Vec<Quantity>,
}

impl Default for Table {
    fn default() -> Self {
        Table::new()
    }
}

/// A stored observation, borrowed from its [`Table`].
///
/// # Examples
///
/// ```
/// use tongji::{Observation, Table};
/// let mut t = Table::new();
/// t.insert(Observation::new("示例县", "地区生产总值", "2023年".parse()?, "136.91亿元".parse()?))?;
/// let o = t.iter().next().unwrap();
/// assert_eq!(o.indicator().code(), "gdp");
/// assert_eq!(o.to_owned().indicator(), "gdp");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ObservationRef<'a> {
    table: &'a Table,
    row: &'a Row,
}

impl<'a> ObservationRef<'a> {
    /// The region.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert_eq!(t.iter().next().unwrap().region(), "示例县");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn region(&self) -> &'a str {
        &self.table.regions[self.row.region as usize]
    }

    /// The catalog entry of the indicator.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert_eq!(t.iter().next().unwrap().indicator().name(), "地区生产总值");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn indicator(&self) -> &'a Indicator {
        self.table.catalog.at(self.row.indicator as usize)
    }

    /// The period.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert_eq!(t.iter().next().unwrap().period().to_string(), "2023年");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn period(&self) -> Period {
        self.row.period
    }

    /// The value.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert_eq!(t.iter().next().unwrap().value().to_string(), "1亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(&self) -> Quantity {
        self.row.value
    }

    /// The status.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert_eq!(t.iter().next().unwrap().status(), tongji::Status::Actual);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> Status {
        self.row.status
    }

    /// The published growth, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert!(t.iter().next().unwrap().yoy().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn yoy(&self) -> Option<Rate> {
        self.row.yoy
    }

    /// The target, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert!(t.iter().next().unwrap().target().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn target(&self) -> Option<Quantity> {
        self.table.targets.get(self.row.target as usize).copied()
    }

    /// The line of the file the observation was read from (the header is line 1), if it was read.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert_eq!(t.iter().next().unwrap().line(), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line(&self) -> Option<u64> {
        (self.row.line > 0).then_some(u64::from(self.row.line))
    }

    /// Whether the observation is a partial sum.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert!(!t.iter().next().unwrap().is_partial());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_partial(&self) -> bool {
        self.row.partial
    }

    /// An owned copy, with the indicator's code.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "地区生产总值", "2023年".parse()?, "1亿元".parse()?))?;
    /// assert_eq!(t.iter().next().unwrap().to_owned().indicator(), "gdp");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_owned(&self) -> Observation {
        let mut o = Observation::new(
            self.region(),
            self.indicator().code(),
            self.period(),
            self.value(),
        )
        .with_status(self.status())
        .with_partial(self.row.partial);
        if let Some(y) = self.yoy() {
            o = o.with_yoy(y);
        }
        if let Some(t) = self.target() {
            o = o.with_target(t);
        }
        o
    }
}

/// A row's year-on-year growth: the published figure and the one recomputed from levels, kept
/// apart and never confused.
///
/// [`Yoy::growth`] is the figure to print: the published one when there is one; otherwise the
/// recomputed one, but only for indicators whose growth may be recomputed. For the others the
/// recomputed figure is only [`Yoy::implied_nominal`]. Display marks a recomputed figure
/// ("增长9.5%（推算）") and an implied nominal one ("增长6.3%（现价推算）").
///
/// # Examples
///
/// ```
/// use tongji::{Observation, Table};
/// let mut t = Table::new();
/// for (year, value) in [("2022年", "1250亿元"), ("2023年", "1301亿元")] {
///     t.insert(Observation::new("示例县", "地区生产总值", year.parse()?, value.parse()?))?;
/// }
/// let y = t.yoy("示例县", "地区生产总值", &"2023年".parse()?)?;
/// assert!(y.growth().is_none()); // GDP growth is published at comparable prices
/// assert_eq!(y.implied_nominal().unwrap().to_string(), "增长4.1%");
/// assert_eq!(y.to_string(), "增长4.1%（现价推算）");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Yoy {
    published: Option<Rate>,
    recomputed: Option<Growth>,
    recomputable: bool,
}

impl Yoy {
    /// The published rate, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "gdp", "2023年".parse()?, "1301亿元".parse()?).with_yoy("4.5%".parse()?))?;
    /// let y = t.yoy("示例县", "gdp", &"2023年".parse()?)?;
    /// assert_eq!(y.published().unwrap().to_string(), "4.5%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn published(&self) -> Option<Rate> {
        self.published
    }

    /// The growth recomputed from this year's and last year's levels, if both are there.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// let y = t.yoy("示例县", "retail", &"2023年".parse()?)?;
    /// assert!(y.recomputed().is_none()); // no 2022年 row
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn recomputed(&self) -> Option<Growth> {
        self.recomputed
    }

    /// The growth to print: published, else recomputed where the catalog allows it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// let y = t.yoy("示例县", "retail", &"2023年".parse()?)?;
    /// assert_eq!(y.growth().unwrap().to_string(), "增长9.5%");
    /// assert!(y.is_recomputed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn growth(&self) -> Option<Growth> {
        match (self.published, self.recomputable) {
            (Some(p), _) => Some(Growth::Rate(p)),
            (None, true) => self.recomputed,
            (None, false) => None,
        }
    }

    /// Whether [`Yoy::growth`] is a recomputed figure rather than a published one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "gdp", "2023年".parse()?, "1301亿元".parse()?).with_yoy("4.5%".parse()?))?;
    /// assert!(!t.yoy("示例县", "gdp", &"2023年".parse()?)?.is_recomputed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_recomputed(&self) -> bool {
        self.published.is_none() && self.recomputable && self.recomputed.is_some()
    }

    /// For an indicator whose growth is published only: the nominal growth the levels imply,
    /// for comparison, never to be printed as the growth.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// assert!(t.yoy("示例县", "retail", &"2023年".parse()?)?.implied_nominal().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn implied_nominal(&self) -> Option<Growth> {
        if self.recomputable {
            None
        } else {
            self.recomputed
        }
    }
}

impl fmt::Display for Yoy {
    /// The published growth; a recomputed one marked （推算）; an implied nominal one marked
    /// （现价推算）; "—" when there is none.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = if let Some(p) = self.published {
            Growth::Rate(p).to_string()
        } else if let Some(g) = self.recomputed {
            let mark = if self.recomputable {
                "（推算）"
            } else {
                "（现价推算）"
            };
            format!("{g}{mark}")
        } else {
            "—".to_string()
        };
        crate::text::pad(f, &text)
    }
}

impl Table {
    /// An empty table with the built-in catalog.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Table::new().is_empty());
    /// ```
    pub fn new() -> Table {
        Table::with_catalog(Catalog::builtin())
    }

    /// An empty table with `catalog`.
    ///
    /// # Examples
    ///
    /// ```
    /// let t = tongji::Table::with_catalog(tongji::Catalog::empty());
    /// assert!(t.catalog().is_empty());
    /// ```
    pub fn with_catalog(catalog: Catalog) -> Table {
        Table {
            catalog,
            regions: Vec::new(),
            region_ids: FastMap::default(),
            rows: Vec::new(),
            targets: Vec::new(),
        }
    }

    /// The catalog.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Table::new().catalog().get("gdp").is_some());
    /// ```
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The number of observations.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Table::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the table is empty.
    ///
    /// # Examples
    ///
    /// ```
    /// assert!(tongji::Table::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The regions, in the order they first appeared.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n乙乡,gdp,2023年,1亿元\n甲镇,gdp,2023年,2亿元\n".as_bytes())?;
    /// assert_eq!(t.regions().collect::<Vec<_>>(), ["乙乡", "甲镇"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn regions(&self) -> impl Iterator<Item = &str> {
        self.regions.iter().map(String::as_str)
    }

    /// The observations, ordered by region (as first seen), indicator (catalog order) and period.
    ///
    /// # Examples
    ///
    /// ```
    /// assert_eq!(tongji::Table::new().iter().count(), 0);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = ObservationRef<'_>> {
        self.rows
            .iter()
            .map(move |row| ObservationRef { table: self, row })
    }

    /// Adds an observation.
    ///
    /// # Errors
    ///
    /// [`Error::Domain`] for an indicator not in the catalog; [`Error::UnitMismatch`] for a value
    /// (or target) of the wrong dimension for its indicator; [`Error::Duplicate`] when the key is
    /// already there.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// let o = Observation::new("示例县", "gdp", "2023年".parse()?, "136.91亿元".parse()?);
    /// t.insert(o.clone())?;
    /// assert!(t.insert(o).is_err());
    /// assert!(t.insert(Observation::new("示例县", "gdp", "2022年".parse()?, "3万人次".parse()?)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn insert(&mut self, observation: Observation) -> Result<()> {
        let row = self.row_of(&observation, 0)?;
        match self.find(row.key()) {
            Ok(i) => {
                if row.target != NO_TARGET {
                    self.targets.pop();
                }
                Err(self.duplicate(&self.rows[i]))
            }
            Err(i) => {
                self.rows.insert(i, row);
                Ok(())
            }
        }
    }

    /// Builds a row, checking the indicator and the dimensions.
    pub(crate) fn row_of(&mut self, o: &Observation, line: u32) -> Result<Row> {
        let indicator = self.indicator_index(o.indicator())?;
        let expected = self.catalog.at(indicator as usize).unit();
        o.value().same_dimension_as(expected)?;
        if let Some(t) = o.target() {
            t.same_dimension_as(expected)?;
        }
        let region = self.intern_region(o.region())?;
        // Last, so that nothing fails after a target is stored.
        let target = match o.target() {
            Some(t) => self.push_target(t)?,
            None => NO_TARGET,
        };
        Ok(Row {
            region,
            indicator,
            period: o.period(),
            value: o.value(),
            yoy: o.yoy(),
            target,
            line,
            status: o.status(),
            partial: o.is_partial(),
        })
    }

    pub(crate) fn push_target(&mut self, target: Quantity) -> Result<u32> {
        let index = u32::try_from(self.targets.len())
            .ok()
            .filter(|i| *i != NO_TARGET)
            .ok_or(Error::overflow("number of targets"))?;
        self.targets.push(target);
        Ok(index)
    }

    pub(crate) fn indicator_index(&self, key: &str) -> Result<u32> {
        self.catalog
            .index_of(key)
            .and_then(|i| u32::try_from(i).ok())
            .ok_or_else(|| {
                Error::domain(
                    "indicator",
                    format!("{key:?}"),
                    "an indicator code or name in the catalog",
                )
            })
    }

    pub(crate) fn intern_region(&mut self, region: &str) -> Result<u32> {
        let region = region.trim();
        if let Some(&id) = self.region_ids.get(region) {
            return Ok(id);
        }
        if region.is_empty() {
            return Err(Error::domain("region", "\"\"", "a region name"));
        }
        let id =
            u32::try_from(self.regions.len()).map_err(|_| Error::overflow("number of regions"))?;
        self.regions.push(region.to_string());
        self.region_ids.insert(region.to_string(), id);
        Ok(id)
    }

    /// Appends rows in any order; [`Table::sort_rows`] must follow.
    pub(crate) fn push_unsorted(&mut self, row: Row) {
        self.rows.push(row);
    }

    /// Sorts rows by key and removes later duplicates, returning an error for each (with its line).
    pub(crate) fn sort_rows(&mut self) -> Vec<Error> {
        // In place, without a second buffer: of two equal keys the earlier line sorts first and
        // is kept (lines are unique within a file).
        self.rows.sort_unstable_by_key(|r| (r.key(), r.line));
        let mut duplicates = Vec::new();
        self.rows.dedup_by(|later, kept| {
            let same = later.key() == kept.key();
            if same {
                duplicates.push((*kept, *later));
            }
            same
        });
        if self.rows.capacity() > self.rows.len() + self.rows.len() / 4 {
            self.rows.shrink_to_fit();
        }
        duplicates
            .into_iter()
            .map(|(first, dup)| Error::Row {
                line: u64::from(dup.line),
                column: "地区/指标/时期".to_string(),
                error: Box::new(self.duplicate(&first)),
            })
            .collect()
    }

    fn duplicate(&self, existing: &Row) -> Error {
        Error::Duplicate {
            key: self.key_text(existing.region, existing.indicator, existing.period),
            first_line: (existing.line > 0).then_some(u64::from(existing.line)),
        }
    }

    fn key_text(&self, region: u32, indicator: u32, period: Period) -> String {
        format!(
            "observation {} / {} / {}",
            self.regions[region as usize],
            self.catalog.at(indicator as usize).name(),
            period
        )
    }

    fn find(&self, key: (u32, u32, Period)) -> std::result::Result<usize, usize> {
        self.rows.binary_search_by(|r| r.key().cmp(&key))
    }

    fn row(&self, region: &str, indicator: &str, period: &Period) -> Result<&Row> {
        let ind = self.indicator_index(indicator)?;
        let missing = || Error::Missing {
            what: format!(
                "{} of {} in {}",
                self.catalog.at(ind as usize).name(),
                region.trim(),
                period
            ),
        };
        let reg = *self.region_ids.get(region.trim()).ok_or_else(missing)?;
        self.find((reg, ind, *period))
            .map(|i| &self.rows[i])
            .map_err(|_| missing())
    }

    /// The observation for a region, indicator (code or name) and period, if there is one.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年,136.91亿元\n".as_bytes())?;
    /// let o = t.get("示例县", "地区生产总值", &"2023年".parse()?).unwrap();
    /// assert_eq!(o.value().to_string(), "136.91亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn get(
        &self,
        region: &str,
        indicator: &str,
        period: &Period,
    ) -> Option<ObservationRef<'_>> {
        self.row(region, indicator, period)
            .ok()
            .map(|row| ObservationRef { table: self, row })
    }

    /// The year-on-year growth of an observation: published and recomputed, see [`Yoy`].
    ///
    /// # Errors
    ///
    /// [`Error::Missing`] when the observation is not in the table; [`Error::Domain`] for an
    /// unknown indicator.
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// assert_eq!(t.yoy("示例县", "retail", &"2023年".parse()?)?.to_string(), "增长9.5%（推算）");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn yoy(&self, region: &str, indicator: &str, period: &Period) -> Result<Yoy> {
        let row = self.row(region, indicator, period)?;
        Ok(self.yoy_of_row(row))
    }

    /// [`Table::yoy`] of a stored observation.
    ///
    /// # Examples
    ///
    /// ```
    /// # let mut t = tongji::Table::new();
    /// # t.insert(tongji::Observation::new("示例县", "gdp", "2023年".parse()?, "1亿元".parse()?))?;
    /// let o = t.iter().next().unwrap();
    /// assert!(t.yoy_of(&o).growth().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn yoy_of(&self, observation: &ObservationRef<'_>) -> Yoy {
        self.yoy_of_row(observation.row)
    }

    fn yoy_of_row(&self, row: &Row) -> Yoy {
        let recomputable = self.catalog.at(row.indicator as usize).growth_from_levels();
        let recomputed = row
            .period
            .same_period_last_year()
            .ok()
            .and_then(|p| self.find((row.region, row.indicator, p)).ok())
            .and_then(|i| growth_of(row.value.base_value(), self.rows[i].value.base_value()).ok());
        Yoy {
            published: row.yoy,
            recomputed,
            recomputable,
        }
    }

    /// 同比增长 of an observation as a report prints it: the published rate, or — for indicators
    /// whose growth may be recomputed — the growth against the same period of last year.
    ///
    /// # Errors
    ///
    /// [`Error::Missing`] when the observation, or the prior-year one needed to recompute, is not
    /// there; [`Error::NotRecomputable`] when nothing was published for an indicator whose growth
    /// is published only (GDP, 规上工业增加值, 固定资产投资).
    ///
    /// # Examples
    ///
    /// ```
    /// # use tongji::{Observation, Table};
    /// # let mut t = Table::new();
    /// # t.insert(Observation::new("示例县", "retail", "2022年".parse()?, "110亿元".parse()?))?;
    /// # t.insert(Observation::new("示例县", "retail", "2023年".parse()?, "120.5亿元".parse()?))?;
    /// assert_eq!(t.growth("示例县", "社会消费品零售总额", &"2023年".parse()?)?.to_string(), "增长9.5%");
    /// assert!(t.growth("示例县", "社会消费品零售总额", &"2022年".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn growth(&self, region: &str, indicator: &str, period: &Period) -> Result<Growth> {
        let row = self.row(region, indicator, period)?;
        let yoy = self.yoy_of_row(row);
        yoy.growth().ok_or_else(|| {
            let ind = self.catalog.at(row.indicator as usize);
            if yoy.recomputable {
                Error::Missing {
                    what: match period.same_period_last_year() {
                        Ok(p) => format!(
                            "{} of {} in {p} to compute growth",
                            ind.name(),
                            region.trim()
                        ),
                        Err(_) => format!("year before {period}"),
                    },
                }
            } else {
                Error::NotRecomputable {
                    indicator: ind.name().to_string(),
                }
            }
        })
    }

    /// The target of an observation: its own, or the annual target on the year's row.
    fn target_of(&self, row: &Row) -> Option<Quantity> {
        self.targets.get(row.target as usize).copied().or_else(|| {
            let year = Period::year(row.period.calendar_year()).ok()?;
            let i = self.find((row.region, row.indicator, year)).ok()?;
            self.targets.get(self.rows[i].target as usize).copied()
        })
    }

    /// 完成率 of an observation against its target (its own, or the annual target on the year's row).
    ///
    /// # Errors
    ///
    /// [`Error::Missing`] when the observation or the target is not there; the errors of
    /// [`completion`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// t.insert(Observation::new("示例乡", "fai", "2023年".parse()?, "4.2亿元".parse()?).with_target("4.4亿元".parse()?))?;
    /// t.insert(Observation::new("示例乡", "fai", "2023年1—10月".parse()?, "46596万元".parse()?))?;
    /// assert_eq!(t.completion("示例乡", "fai", &"2023年1—10月".parse()?)?.to_string(), "105.9%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn completion(&self, region: &str, indicator: &str, period: &Period) -> Result<Rate> {
        let row = self.row(region, indicator, period)?;
        let target = self.target_of(row).ok_or_else(|| Error::Missing {
            what: format!(
                "target for {} of {} in {}",
                self.catalog.at(row.indicator as usize).name(),
                region.trim(),
                period
            ),
        })?;
        completion(&row.value, &target)
    }

    /// 快于/慢于序时进度: completion − the share of the year elapsed at the period's end.
    ///
    /// # Errors
    ///
    /// As [`Table::completion`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// t.insert(Observation::new("示例乡", "fai", "2023年1—10月".parse()?, "46596万元".parse()?).with_target("4.4亿元".parse()?))?;
    /// let gap = t.schedule_gap("示例乡", "fai", &"2023年1—10月".parse()?)?;
    /// assert_eq!(gap.to_string(), "快于序时进度22.6个百分点");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn schedule_gap(
        &self,
        region: &str,
        indicator: &str,
        period: &Period,
    ) -> Result<ScheduleGap> {
        let rate = self.completion(region, indicator, period)?;
        Ok(schedule_gap(&rate, &period.elapsed()))
    }

    /// 占比 of an observation in its parent indicator (a sector's share of 地区生产总值).
    ///
    /// # Errors
    ///
    /// [`Error::Missing`] when the indicator has no parent or an observation is not there; the
    /// errors of [`share`].
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Observation, Table};
    /// let mut t = Table::new();
    /// let y: tongji::Period = "2023年".parse()?;
    /// t.insert(Observation::new("示例县", "地区生产总值", y, "136.91亿元".parse()?))?;
    /// t.insert(Observation::new("示例县", "第二产业增加值", y, "45.67亿元".parse()?))?;
    /// assert_eq!(t.share_of_parent("示例县", "第二产业增加值", &y)?.to_string(), "33.4%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn share_of_parent(&self, region: &str, indicator: &str, period: &Period) -> Result<Rate> {
        let row = self.row(region, indicator, period)?;
        let ind = self.catalog.at(row.indicator as usize);
        let parent = ind.parent().ok_or_else(|| Error::Missing {
            what: format!("parent indicator of {}", ind.name()),
        })?;
        let parent_row = self.row(region, parent, period)?;
        share(&row.value, &parent_row.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(region: &str, ind: &str, period: &str, value: &str) -> Observation {
        Observation::new(region, ind, period.parse().unwrap(), value.parse().unwrap())
    }

    #[test]
    fn duplicates_name_both() {
        let mut t = Table::new();
        t.insert(obs("示例县", "gdp", "2023年", "1亿元")).unwrap();
        let err = t
            .insert(obs("示例县", "地区生产总值", "2023年", "2亿元"))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "duplicate observation 示例县 / 地区生产总值 / 2023年"
        );
    }

    #[test]
    fn published_wins_and_forbidden_is_not_recomputed() {
        let mut t = Table::new();
        t.insert(obs("示例县", "gdp", "2022年", "1250亿元"))
            .unwrap();
        t.insert(obs("示例县", "gdp", "2023年", "1301亿元"))
            .unwrap();
        let p: Period = "2023年".parse().unwrap();
        assert!(matches!(
            t.growth("示例县", "gdp", &p),
            Err(Error::NotRecomputable { .. })
        ));
        let mut t2 = Table::new();
        t2.insert(obs("示例县", "gdp", "2022年", "1250亿元"))
            .unwrap();
        t2.insert(obs("示例县", "gdp", "2023年", "1301亿元").with_yoy("4.5%".parse().unwrap()))
            .unwrap();
        assert_eq!(
            t2.growth("示例县", "gdp", &p).unwrap().to_string(),
            "增长4.5%"
        );
        let y = t2.yoy("示例县", "gdp", &p).unwrap();
        assert_eq!(y.implied_nominal().unwrap().to_string(), "增长4.1%");
    }

    #[test]
    fn wrong_dimension_and_unknown_indicator() {
        let mut t = Table::new();
        assert!(matches!(
            t.insert(obs("示例县", "gdp", "2023年", "3万人次")),
            Err(Error::UnitMismatch { .. })
        ));
        assert!(matches!(
            t.insert(obs("示例县", "无此指标", "2023年", "3万元")),
            Err(Error::Domain { .. })
        ));
        assert!(t.is_empty());
    }
}
