//! A stored observation: compact inside the table, borrowed out as an [`ObservationRef`].

use super::Table;
use crate::{Indicator, Observation, Period, Quantity, Rate, Status};

/// The index of "no target" in a row.
pub(super) const NO_TARGET: u32 = u32::MAX;

/// One stored observation, compact: region interned, indicator by catalog index, target by index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Row {
    pub(super) region: u32,
    pub(super) indicator: u32,
    pub(super) period: Period,
    pub(super) value: Quantity,
    pub(super) yoy: Option<Rate>,
    pub(super) target: u32,
    /// The line of the file it was read from; 0 when it was not read from a file.
    pub(super) line: u32,
    pub(super) status: Status,
    pub(super) partial: bool,
}

impl Row {
    pub(super) fn key(&self) -> (u32, u32, Period) {
        (self.region, self.indicator, self.period)
    }
}

/// A stored observation, borrowed from its [`Table`].
///
/// # Examples
///
/// ```
/// use tongji::Table;
/// let (t, _) = Table::read_csv("地区,指标,时期,数值,同比增长\n示例县,生产总值,2023年,136.91亿元,4.5\n".as_bytes())?;
/// let o = t.iter().next().unwrap();
/// assert_eq!(o.indicator().code(), "gdp"); // 生产总值 is an alias of 地区生产总值
/// assert_eq!((o.region(), o.period().to_string(), o.line()), ("示例县", "2023年".to_string(), Some(2)));
/// assert_eq!(o.to_owned().indicator(), "gdp");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ObservationRef<'a> {
    pub(super) table: &'a Table,
    pub(super) at: At<'a>,
}

/// Where a stored observation is: a row of the table's columns, or one inserted out of order.
#[derive(Debug, Clone, Copy)]
pub(super) enum At<'a> {
    Stored(usize),
    Inserted(&'a Row),
}

impl<'a> ObservationRef<'a> {
    /// The row, rebuilt from the columns.
    pub(super) fn row(&self) -> Row {
        match self.at {
            At::Stored(i) => self.table.rows.row(i),
            At::Inserted(row) => *row,
        }
    }

    /// The row's index in the columns, when it is stored there.
    pub(super) fn index(&self) -> Option<usize> {
        match self.at {
            At::Stored(i) => Some(i),
            At::Inserted(_) => None,
        }
    }

    /// The region, as written in the file (trimmed).
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n 甲镇 ,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert_eq!(t.iter().next().unwrap().region(), "甲镇");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> &'a str {
        self.table.region_name(match self.at {
            At::Stored(i) => self.table.rows.key(i).0,
            At::Inserted(row) => row.region,
        })
    }

    /// The catalog entry of the indicator, however the file named it.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,财政支出,2023年,8.2亿元\n".as_bytes())?;
    /// assert_eq!(t.iter().next().unwrap().indicator().name(), "一般公共预算支出");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn indicator(&self) -> &'a Indicator {
        self.table.catalog().at(match self.at {
            At::Stored(i) => self.table.rows.key(i).1 as usize,
            At::Inserted(row) => row.indicator as usize,
        })
    }

    /// The period, as the file wrote it.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n示例县,gdp,2023年1至9月,100亿元\n".as_bytes())?;
    /// let p = t.iter().next().unwrap().period();
    /// assert_eq!(p.to_string(), "2023年1—9月");
    /// assert_eq!(p, "2023年前三季度".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn period(&self) -> Period {
        match self.at {
            At::Stored(i) => self.table.rows.period(i),
            At::Inserted(row) => row.period,
        }
    }

    /// The value, with its written digits.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,单位\n示例县,gdp,2023年,136.90,亿元\n".as_bytes())?;
    /// assert_eq!(t.iter().next().unwrap().value().to_string(), "136.90亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn value(&self) -> Quantity {
        match self.at {
            At::Stored(i) => self.table.rows.figure(i),
            At::Inserted(row) => row.value,
        }
    }

    /// The status (实际 unless the file says 预计, 初步 or 核实).
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,状态\n示例县,gdp,2023年,1亿元,预计\n".as_bytes())?;
    /// assert_eq!(t.iter().next().unwrap().status(), tongji::Status::Estimated);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Status {
        match self.at {
            At::Stored(i) => self.table.rows.status(i),
            At::Inserted(row) => row.status,
        }
    }

    /// The published growth, if any, as written.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,同比增长\n示例县,gdp,2023年,1亿元,负增长1.21%\n".as_bytes())?;
    /// assert_eq!(t.iter().next().unwrap().yoy().unwrap().to_string(), "-1.21%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn yoy(&self) -> Option<Rate> {
        match self.at {
            At::Stored(i) => self.table.rows.yoy(i),
            At::Inserted(row) => row.yoy,
        }
    }

    /// The row's own target, if any (see [`Table::completion`] for the year's target).
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,目标\n示例县,fai,2023年,4.2亿元,4.4亿元\n".as_bytes())?;
    /// assert_eq!(t.iter().next().unwrap().target().unwrap().to_string(), "4.4亿元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn target(&self) -> Option<Quantity> {
        self.table.target_at(match self.at {
            At::Stored(i) => self.table.rows.target(i),
            At::Inserted(row) => row.target,
        })
    }

    /// The line of the file the observation was read from (the header is line 1), if it was read.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值\n\n示例县,gdp,2023年,1亿元\n".as_bytes())?;
    /// assert_eq!(t.iter().next().unwrap().line(), Some(3)); // after a blank line
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<u64> {
        let line = match self.at {
            At::Stored(i) => self.table.rows.line(i),
            At::Inserted(row) => row.line,
        };
        (line > 0).then_some(u64::from(line))
    }

    /// Whether the observation is a partial sum (a roll-up that accepted missing children).
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{RollUp, Table};
    /// let (t, _) = Table::read_csv("地区,指标,时期,数值\n甲镇,gdp,2023年,1亿元\n乙乡,gdp,2022年,1亿元\n".as_bytes())?;
    /// let up = t.roll_up("全县", &["甲镇", "乙乡"], RollUp::new().accept_partial(true))?;
    /// let mut county = Table::new();
    /// for o in up { county.insert(o)?; }
    /// assert!(county.iter().all(|o| o.is_partial())); // each year misses one town
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_partial(&self) -> bool {
        match self.at {
            At::Stored(i) => self.table.rows.partial(i),
            At::Inserted(row) => row.partial,
        }
    }

    /// An owned copy, naming the indicator by its code.
    ///
    /// # Examples
    ///
    /// ```
    /// let (t, _) = tongji::Table::read_csv("地区,指标,时期,数值,状态\n示例县,地区生产总值,2023年,1亿元,初步\n".as_bytes())?;
    /// let o = t.iter().next().unwrap().to_owned();
    /// assert_eq!((o.indicator(), o.status()), ("gdp", tongji::Status::Preliminary));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn to_owned(&self) -> Observation {
        let mut o = Observation::new(
            self.region(),
            self.indicator().code(),
            self.period(),
            self.value(),
        )
        .with_status(self.status())
        .with_partial(self.is_partial());
        if let Some(y) = self.yoy() {
            o = o.with_yoy(y);
        }
        if let Some(t) = self.target() {
            o = o.with_target(t);
        }
        o
    }
}
