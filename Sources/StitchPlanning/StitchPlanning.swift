// StitchPlanning: a globally best allocation of many referrals to scarce places, with buddies and fairness.
