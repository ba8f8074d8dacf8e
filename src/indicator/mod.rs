//! Indicator math: growth, completion, shares and structure, contributions, averages, per-unit
//! ratios.

pub(crate) mod average;
pub(crate) mod catalog;
pub(crate) mod contribution;
pub(crate) mod growth;
pub(crate) mod ranges;
pub(crate) mod ratio;
pub(crate) mod schedule;
pub(crate) mod share;
pub(crate) mod target;
