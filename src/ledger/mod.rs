//! Reform-task ledgers (改革台账) and rectification lists (整改台账).

pub(crate) mod changes;
pub(crate) mod counts;
pub(crate) mod deadline;
pub(crate) mod problem;
pub(crate) mod rate;
pub(crate) mod rectification;
pub(crate) mod summary;
pub(crate) mod task;

use std::collections::HashMap;
use std::io::{Read, Write};

use chrono::NaiveDate;

use crate::{
    Changes, Counts, CsvOptions, Error, Result, StatusChange, Summary, Task, TaskStatus,
    WriteOptions,
};

/// A reform-task ledger (改革台账): tasks with unique ids, in the order they were read or added.
///
/// # Examples
///
/// ```
/// use tongji::Ledger;
/// let csv = "领域,任务,牵头单位,完成时限,状态,延期原因\n经济体制,优化营商环境,发改委,2021年12月,已完成,\n行政体制,行政复议体制改革,司法局,2021年12月,延期,市级方案未印发\n";
/// let (ledger, bad_rows) = Ledger::read_csv(csv.as_bytes())?;
/// assert!(bad_rows.is_empty());
/// let s = ledger.summary();
/// assert_eq!(s.completion_rate().to_string(), "100.0%");
/// assert_eq!(s.completion_rate_all().to_string(), "50.0%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Tasks", into = "Tasks")]
pub struct Ledger {
    tasks: Vec<Task>,
    /// Task id → position in `tasks` (a map keyed by input: SipHash, not a weak hash).
    ids: HashMap<String, usize>,
    /// The line each task was read from, for naming the first of two duplicates.
    lines: Vec<Option<u64>>,
}

/// What a ledger serializes as: its tasks.
#[derive(serde::Serialize, serde::Deserialize)]
struct Tasks {
    tasks: Vec<Task>,
}

impl TryFrom<Tasks> for Ledger {
    type Error = Error;

    /// Rebuilds the id index; two tasks with one id are refused.
    fn try_from(t: Tasks) -> Result<Ledger> {
        let mut ledger = Ledger::new();
        for task in t.tasks {
            ledger.insert(task)?;
        }
        Ok(ledger)
    }
}

impl From<Ledger> for Tasks {
    fn from(l: Ledger) -> Tasks {
        Tasks { tasks: l.tasks }
    }
}

impl PartialEq for Ledger {
    /// Equal when they hold equal tasks in the same order.
    fn eq(&self, other: &Ledger) -> bool {
        self.tasks == other.tasks
    }
}

impl Eq for Ledger {}

impl Ledger {
    /// An empty ledger.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, Task};
    /// let mut l = Ledger::new();
    /// l.insert(Task::new("1", "经济体制", "优化营商环境", "发改委", "2021年12月".parse()?))?;
    /// assert_eq!(l.summary().overall().not_started(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// Reads a ledger from CSV (same conventions as observation CSV: Chinese or English headers,
    /// UTF-8 with or without BOM, GBK with the `gbk` feature). Columns: `编号/id` (optional; the
    /// task's title serves as id without it), `领域/domain`, `任务/task`, `牵头单位/lead`,
    /// `责任人/responsible`, `完成时限/deadline`, `状态/status`, `延期原因/reason`,
    /// `成果形式/outcome`, `成果文件/documents` (《…》 titles), `完成日期/completed`. Bad rows come
    /// back with line and column; the good rows are kept.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::MissingColumn`] when a required column is missing;
    /// [`crate::ErrorKind::Io`] or [`crate::ErrorKind::Csv`] when the input cannot be read.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "领域,任务,牵头单位,完成时限,状态,延期原因\n行政体制,行政复议体制改革,司法局,2021年12月,延期,\n";
    /// let (l, bad) = tongji::Ledger::read_csv(csv.as_bytes())?;
    /// assert!(l.is_empty());
    /// assert_eq!(bad[0].to_string(),
    ///            "line 2, column 延期原因: the reason (延期原因) a deferred or cancelled task needs is empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<(Ledger, Vec<Error>)> {
        Ledger::read_csv_with(reader, &CsvOptions::new())
    }

    /// [`Ledger::read_csv`], strict when the options say so (the catalog is not used).
    ///
    /// # Errors
    ///
    /// As [`Ledger::read_csv`]; in strict mode also the first bad row.
    ///
    /// # Examples
    ///
    /// ```
    /// let csv = "领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,完工\n";
    /// let err = tongji::Ledger::read_csv_with(csv.as_bytes(), &tongji::CsvOptions::new().strict(true)).unwrap_err();
    /// assert_eq!(err.to_string(),
    ///            r#"line 2, column 状态: cannot parse "完工" as a task status: expected 已完成, 推进中, 延期, 未启动 or 取消 (at byte 0)"#);
    /// ```
    pub fn read_csv_with<R: Read>(reader: R, options: &CsvOptions) -> Result<(Ledger, Vec<Error>)> {
        crate::io::ledger::read(reader, options)
    }

    /// Writes the ledger as CSV with Chinese headers
    /// (编号,领域,任务,牵头单位,责任人,完成时限,状态,延期原因,成果形式,成果文件,完成日期); reading it
    /// back gives an equal ledger.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Io`] when writing fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, WriteOptions};
    /// let (l, _) = Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,已完成\n".as_bytes())?;
    /// let mut out = Vec::new();
    /// l.write_csv(&mut out, &WriteOptions::new())?;
    /// assert_eq!(Ledger::read_csv(out.as_slice())?.0, l);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W, options: &WriteOptions) -> Result<()> {
        crate::io::ledger::write(self, writer, options)
    }

    /// Adds a task.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Duplicate`] when a task with the same id is already there.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, Task};
    /// let mut l = Ledger::new();
    /// l.insert(Task::new("1", "经济体制", "任务1", "发改委", "2021年12月".parse()?))?;
    /// let again = l.insert(Task::new("1", "经济体制", "任务1", "发改委", "2021年12月".parse()?));
    /// assert_eq!(again.unwrap_err().to_string(), "duplicate task 1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn insert(&mut self, task: Task) -> Result<()> {
        self.insert_at(task, None)
    }

    /// Adds a task read from `line`; a duplicate names the line of the first.
    pub(crate) fn insert_at(&mut self, task: Task, line: Option<u64>) -> Result<()> {
        match self.ids.get(task.id()) {
            Some(&i) => Err(Error::duplicate(
                format_args!("task {}", task.id()),
                self.lines.get(i).copied().flatten(),
            )),
            None => {
                self.ids.insert(task.id().to_string(), self.tasks.len());
                self.tasks.push(task);
                self.lines.push(line);
                Ok(())
            }
        }
    }

    /// The tasks, in the order read or added.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// let (l, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// let deferred: Vec<&str> = l.tasks().iter().filter(|t| t.status() == tongji::TaskStatus::Deferred).map(|t| t.id()).collect();
    /// assert_eq!(deferred.len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    /// The task with `id`.
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// let (l, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(l.get("19").unwrap().title(), "开展行政复议体制改革");
    /// assert!(l.get("99").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Task> {
        self.ids.get(id.trim()).map(|&i| &self.tasks[i])
    }

    /// The number of tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, bad) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,已完成\n经济体制,任务1,发改委,2021年12月,已完成\n".as_bytes())?;
    /// assert_eq!((l.len(), bad.len()), (1, 1)); // the same task twice
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// Whether there are no tasks.
    ///
    /// # Examples
    ///
    /// ```
    /// let (l, bad) = tongji::Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,下个月,已完成\n".as_bytes())?;
    /// assert!(l.is_empty() && bad.len() == 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// The summary, overall and per domain (in the order domains first appear).
    ///
    /// # Examples
    ///
    /// ```
    /// # let seed = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/ledger_2021.csv"));
    /// let (l, _) = tongji::Ledger::read_csv(seed.as_slice())?;
    /// assert_eq!(l.summary().sentence(), "明确8大领域共计44项改革事项(其中4项延期)，40项全部完成，完成率100%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn summary(&self) -> Summary {
        let mut overall = Counts::default();
        let mut domains: Vec<(String, Counts)> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for t in &self.tasks {
            overall.add(t);
            let i = *index.entry(t.domain()).or_insert_with(|| {
                domains.push((t.domain().to_string(), Counts::default()));
                domains.len() - 1
            });
            domains[i].1.add(t);
        }
        Summary::new(overall, domains)
    }

    /// Tasks overdue on `as_of` (not completed or cancelled, past their deadline), earliest
    /// deadline first.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate};
    /// let (l, _) = Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年10月,推进中\n".as_bytes())?;
    /// assert_eq!(l.overdue(NaiveDate::from_ymd_opt(2021, 11, 1).unwrap())[0].title(), "任务1");
    /// assert!(l.overdue(NaiveDate::from_ymd_opt(2021, 10, 31).unwrap()).is_empty()); // due that day
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn overdue(&self, as_of: NaiveDate) -> Vec<&Task> {
        let mut out: Vec<&Task> = self.tasks.iter().filter(|t| t.is_overdue(as_of)).collect();
        out.sort_by_key(|t| t.deadline().last_day());
        out
    }

    /// Open tasks (not completed or cancelled) whose deadline falls within `days` days from
    /// `as_of` (inclusive), earliest first. A window past the last date chrono knows reaches to it.
    ///
    /// # Examples
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate};
    /// let (l, _) = Ledger::read_csv("领域,任务,牵头单位,完成时限,状态\n经济体制,任务1,发改委,2021年12月,推进中\n".as_bytes())?;
    /// let d = NaiveDate::from_ymd_opt(2021, 12, 1).unwrap();
    /// assert_eq!(l.due_within(d, 30).len(), 1);
    /// assert_eq!(l.due_within(d, 29).len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn due_within(&self, as_of: NaiveDate, days: u32) -> Vec<&Task> {
        let until = as_of
            .checked_add_days(chrono::Days::new(u64::from(days)))
            .unwrap_or(NaiveDate::MAX);
        let mut out: Vec<&Task> = self
            .tasks
            .iter()
            .filter(|t| !matches!(t.status(), TaskStatus::Completed | TaskStatus::Cancelled))
            .filter(|t| (as_of..=until).contains(&t.deadline().last_day()))
            .collect();
        out.sort_by_key(|t| t.deadline().last_day());
        out
    }

    /// What changed in this snapshot, taken on `as_of`, since `previous`, taken on
    /// `previous_as_of` — the later first. Tasks are matched by id.
    ///
    /// # Examples
    ///
    /// See [`Changes`].
    ///
    /// ```
    /// use tongji::{Ledger, NaiveDate};
    /// let (june, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年6月,推进中\n".as_bytes())?;
    /// let (july, _) = Ledger::read_csv("编号,领域,任务,牵头单位,完成时限,状态\n1,d,任务1,u,2021年6月,已完成\n".as_bytes())?;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
    /// let c = july.changes_since(d(7, 31), &june, d(6, 30));
    /// assert_eq!(c.completed().len(), 1);
    /// assert!(c.newly_overdue().is_empty()); // completed in time for the July snapshot
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn changes_since<'a>(
        &'a self,
        as_of: NaiveDate,
        previous: &Ledger,
        previous_as_of: NaiveDate,
    ) -> Changes<'a> {
        let mut changes = Changes::default();
        for t in &self.tasks {
            let old = previous.get(t.id());
            match old {
                None => changes.added.push(t),
                Some(old) if old.status() != t.status() => {
                    changes.status_changes.push(StatusChange {
                        task: t,
                        from: old.status(),
                    });
                    if t.status() == TaskStatus::Completed {
                        changes.completed.push(t);
                    }
                }
                Some(_) => {}
            }
            if t.is_overdue(as_of) && !old.is_some_and(|o| o.is_overdue(previous_as_of)) {
                changes.newly_overdue.push(t);
            }
        }
        changes
    }
}
