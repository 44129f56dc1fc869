//! The sizes of the renditions the library keeps of each picture (its files are named by
//! them: `<hash>-320.jpg`, `<hash>-1600.jpg`).

/// Long edge of the thumbnail, for the grid.
pub const THUMBNAIL_EDGE: u32 = 320;

/// Long edge of the preview, for the panel, the preview, the read view and the exports.
pub const PREVIEW_EDGE: u32 = 1600;
