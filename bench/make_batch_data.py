#!/usr/bin/env python3
"""Writes a synthetic data set for `gongwen batch`: N applicants across P provinces, as one CSV in the
layout of samples/forms/province.csv. The records are the sample province's 20 (samples/forms/
make_samples.py), cycled, each province getting its own 推荐单位 and 推荐函文号; narratives files are
copied beside the CSV. Every record is valid (run batch with --no-quotas: 附件2 quotas are per
province). Fictional, like the samples. Each record gets a 联系人 of its own (the sample's surname and
a given name from BRANCH): real applicants do not repeat, and two 申报书 that set exactly the same
characters embed the same font, which the print file keeps once — a saving the cycled records would
otherwise give the benchmark and real data would not.

usage: make_batch_data.py OUT_DIR APPLICANTS PROVINCES   (writes OUT_DIR/batch.csv)
"""
import csv
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "samples", "forms")
sys.path.insert(0, SAMPLES)
sys.dont_write_bytecode = True
import make_samples  # noqa: E402  (the sample records and column order)

PROVINCES = [("北京市", "京", "北京市经济和信息化局"), ("天津市", "津", "天津市工业和信息化局"),
             ("河北省", "冀", "河北省工业和信息化厅"), ("山西省", "晋", "山西省工业和信息化厅"),
             ("江苏省", "苏", "江苏省工业和信息化厅"), ("浙江省", "浙", "浙江省经济和信息化厅"),
             ("安徽省", "皖", "安徽省经济和信息化厅"), ("福建省", "闽", "福建省工业和信息化厅"),
             ("江西省", "赣", "江西省工业和信息化厅"), ("山东省", "鲁", "山东省工业和信息化厅"),
             ("河南省", "豫", "河南省工业和信息化厅"), ("湖北省", "鄂", "湖北省经济和信息化厅"),
             ("湖南省", "湘", "湖南省工业和信息化厅"), ("广东省", "粤", "广东省工业和信息化厅"),
             ("四川省", "川", "四川省经济和信息化厅"), ("重庆市", "渝", "重庆市经济和信息化委员会")]


# Characters for the contacts' given names (GB 2312, rare in the sample narratives): 40 × 40 names.
BRANCH = "岚溪嵩峪涧岭屿湄渚汀棠楠桦枫柏桐梓榆槐杉芷蘅萍藻荇菱蓼苇菖蒲鹭鸥鹤雁莺鹂燕鹊鸠雀"


def province(i):
    """The i-th province; past the list, numbered variants of it (for tests that want many packets)."""
    name, short, dept = PROVINCES[i % len(PROVINCES)]
    k = i // len(PROVINCES)
    if k == 0:
        return name, short, dept
    return f"{name}{k}区", short, f"{dept}{k}分局"


def main():
    out, n, p = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    shutil.copytree(os.path.join(SAMPLES, "narratives"), os.path.join(out, "narratives"), dirs_exist_ok=True)
    records = make_samples.RECORDS
    with open(os.path.join(out, "batch.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(make_samples.CSV_HEAD)
        for i in range(n):
            r = dict(records[(i // p) % len(records)])  # each province cycles through all 20
            name, short, dept = province(i % p)
            r["省份"] = name
            r["推荐单位"] = dept
            r["推荐函文号"] = f"{short}工信消费函〔2024〕{100 + i % p}号"
            r["联系人"] = r["联系人"][0] + BRANCH[i % len(BRANCH)] + BRANCH[(i // len(BRANCH)) % len(BRANCH)]
            w.writerow([r.get(h, "") for h in make_samples.CSV_HEAD])


if __name__ == "__main__":
    main()
