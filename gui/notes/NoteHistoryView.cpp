#include "NoteHistoryView.h"

#include "NoteHistoryModel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QVBoxLayout>

namespace {
// Tints that read on light and dark palettes alike.
QColor tint(const QColor &base, const QColor &towards)
{
    return QColor::fromRgbF(base.redF() * 0.75f + towards.redF() * 0.25f, base.greenF() * 0.75f + towards.greenF() * 0.25f,
                            base.blueF() * 0.75f + towards.blueF() * 0.25f);
}
}

NoteHistoryView::NoteHistoryView(QWidget *parent)
    : QWidget(parent), m_model(new NoteHistoryModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_diff = new QPlainTextEdit(this);
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Select a version to see what it changed."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_diff);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_restore = new QPushButton(tr("&Restore This Version"), this);
    m_restore->setToolTip(tr("Make the selected text the note's current text. The restore is itself recorded in the audit log."));
    m_restore->setEnabled(false);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_restore);
    layout->addWidget(split, 1);
    layout->addWidget(m_message);
    layout->addLayout(row);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_table->resizeColumnsToContents();
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        else
            showSelected();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &NoteHistoryView::showSelected);
    connect(m_restore, &QPushButton::clicked, this, [this] {
        const QModelIndex cur = m_table->currentIndex();
        if (!cur.isValid())
            return;
        const NoteHistory::Version &v = m_model->version(cur.row());
        emit restoreRequested(v.title, v.body, v.tags);
    });
}

void NoteHistoryView::setEditable(bool editable)
{
    m_editable = editable;
    showSelected();
}

void NoteHistoryView::setMessage(const QString &text)
{
    m_message->setText(text);
}

void NoteHistoryView::showSelected()
{
    const QModelIndex cur = m_table->currentIndex();
    m_diff->clear();
    if (!cur.isValid()) {
        m_restore->setEnabled(false);
        return;
    }
    const NoteHistory::Version &v = m_model->version(cur.row());
    const bool deleted = v.action == QLatin1String("deleted");
    const QList<LineDiff::Line> lines = v.diff();
    m_diff->setPlainText(LineDiff::toText(lines));
    const QColor base = m_diff->palette().color(QPalette::Base);
    QList<QTextEdit::ExtraSelection> marks;
    QTextBlock block = m_diff->document()->firstBlock();
    for (const LineDiff::Line &l : lines) {
        if (!block.isValid())
            break;
        if (l.op != LineDiff::Op::Same) {
            QTextEdit::ExtraSelection sel;
            sel.cursor = QTextCursor(block);
            sel.format.setProperty(QTextFormat::FullWidthSelection, true);
            sel.format.setBackground(tint(base, l.op == LineDiff::Op::Added ? QColor(0, 170, 0) : QColor(220, 0, 0)));
            marks.append(sel);
        }
        block = block.next();
    }
    m_diff->setExtraSelections(marks);
    // The newest version is the current text; a deleted note cannot be edited.
    m_restore->setEnabled(m_editable && cur.row() > 0 && !deleted);
}
