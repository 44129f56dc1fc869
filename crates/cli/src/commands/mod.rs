pub mod article;
pub mod db;
pub mod search;
pub mod writing;
