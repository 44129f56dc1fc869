//! Tag suggestions on the portal's real articles (`shared/samples`, copied into the analysis
//! crate's fixtures).

mod samples;
