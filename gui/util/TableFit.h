#pragma once

// Fitting columns to their contents measures every cell of the rows it looks
// at, on the GUI thread: with 100,000 tasks that stalls the window. Tables
// fit to this many rows (plus the visible ones), which is exact enough for
// column widths and cheap whatever the table's size.
// Use: view->horizontalHeader()->setResizeContentsPrecision(kColumnFitRows);
inline constexpr int kColumnFitRows = 100;
