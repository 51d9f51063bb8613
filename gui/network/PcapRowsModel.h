#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

// Base of the network pane's tables: rows as PcapQuery returns them (one
// JSON object per row, column names as keys). Subclasses build each cell's
// text, sort value and colour in cell().
class PcapRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers as numbers, times as microseconds
        IdRole,                      // the row's "id" (0 when the table has none)
        CaptureIdRole,
    };

    explicit PcapRowsModel(QObject *parent = nullptr);
    // False (and no reset) when the rows are the ones already shown.
    bool setRows(const QJsonArray &rows);
    const QJsonObject &row(int r) const { return m_rows[r]; }
    // The row whose "id" is id, or -1.
    int rowOfId(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    virtual QVariant cell(const QJsonObject &row, int column, int role) const = 0;
    // Colours for rows that should stand out (refused amber, silent red).
    static QVariant badBrush();
    static QVariant warnBrush();

private:
    QJsonArray m_source;
    QList<QJsonObject> m_rows;
};
