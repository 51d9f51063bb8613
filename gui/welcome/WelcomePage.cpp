#include "WelcomePage.h"

#include "app/RecentCases.h"

#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *box = new QWidget(this);
    box->setMaximumWidth(560);
    auto *layout = new QVBoxLayout(box);
    auto *title = new QLabel(tr("Casebook"), box);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2);
    f.setBold(true);
    title->setFont(f);
    auto *blurb = new QLabel(tr("Investigate hung Linux hosts: collect procfs snapshots, kernel logs, strace and "
                                "captures into one case file, find the blocked tasks and what they wait on, and "
                                "write it up."),
                             box);
    blurb->setWordWrap(true);
    m_new = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("&New Case…"), box);
    m_open = new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open Case…"), box);
    m_collect = new QPushButton(style()->standardIcon(QStyle::SP_ComputerIcon), tr("&Collect from This Machine…"), box);
    m_collect->setToolTip(tr("Create a case and collect from the local machine (host 'local')"));
    auto *recentLabel = new QLabel(tr("&Recent cases:"), box);
    m_recent = new QListWidget(box);
    recentLabel->setBuddy(m_recent);
    layout->addWidget(title);
    layout->addWidget(blurb);
    layout->addSpacing(12);
    layout->addWidget(m_new);
    layout->addWidget(m_open);
    layout->addWidget(m_collect);
    layout->addSpacing(12);
    layout->addWidget(recentLabel);
    layout->addWidget(m_recent);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(box, 3);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    connect(m_new, &QPushButton::clicked, this, &WelcomePage::newCaseRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openCaseRequested);
    connect(m_collect, &QPushButton::clicked, this, &WelcomePage::collectLocalRequested);
    connect(m_recent, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit recentCaseRequested(item->data(Qt::UserRole).toString()); });
    refreshRecent();
}

void WelcomePage::refreshRecent()
{
    m_recent->clear();
    for (const QString &p : RecentCases::list()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(QFileInfo(p).fileName(), p), m_recent);
        item->setData(Qt::UserRole, p);
        item->setToolTip(p);
    }
    if (m_recent->count() == 0) {
        auto *item = new QListWidgetItem(tr("(none yet)"), m_recent);
        item->setFlags(Qt::NoItemFlags);
    }
}
