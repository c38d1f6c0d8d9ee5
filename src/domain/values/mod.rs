//! Small value types every phase uses: dates, decimal rounding, currencies and money, the one sort.

pub mod currency;
pub mod date;
pub mod decimal;
pub mod money;
pub mod sort;
pub mod text;
