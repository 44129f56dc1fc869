pub mod article;
pub mod db;
pub mod export;
pub mod image;
pub mod search;
pub mod tags;
pub mod writing;
